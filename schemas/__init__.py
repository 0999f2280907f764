"""The data contract: one pyarrow schema per output table.

Writers, readers, tests and the README's column tables all come from here, so
a column cannot exist in one place and not another. Partition columns (`date`,
`actor`) are not stored inside the files: they live in the Hive-style folder
names, and readers get them back as typed columns through `partitioning()`.
"""

from schemas.articles import ARTICLES
from schemas.entities import ENTITIES
from schemas.events import EVENTS
from schemas.rejects import REJECTS
from schemas.table import SCHEMA_VERSION, TableSpec

TABLES: dict[str, TableSpec] = {t.name: t for t in (ARTICLES, ENTITIES, EVENTS, REJECTS)}

__all__ = ["ARTICLES", "ENTITIES", "EVENTS", "REJECTS", "SCHEMA_VERSION", "TABLES", "TableSpec"]
