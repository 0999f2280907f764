"""Pipeline stages: one module per stage, plain functions first, Beam wrappers last."""
