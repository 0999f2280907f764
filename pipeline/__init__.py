"""vigie: French news to event data, as an Apache Beam pipeline."""

import logging


class _DropBeamImportNoise(logging.Filter):
    """apache-beam warns at import that the optional GCP client is absent; vigie
    does not need it locally, and the line reads like an error to new users."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "apitools not found" not in str(record.msg)


logging.getLogger().addFilter(_DropBeamImportNoise())
