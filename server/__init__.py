"""Reference city-platform server for BranchDesk sync (FastAPI). Imports only ``sync.wire``."""
