"""The ledger: exactly one draft per email and no email lost (Azure Table Storage)."""
