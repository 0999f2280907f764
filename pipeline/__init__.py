"""vigie: French news to event data, as an Apache Beam pipeline."""
