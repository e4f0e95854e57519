"""Real records from data/sources used by the web tests (none invented)."""

# DMW directory captured 2026-09-14: one "Valid License" record with its first phone, and a
# "Cancelled" one; KGD false-enterprise list as of 2020-04-07.
LICENSED_NAME = "101 MOJO INT`L. CORPORATION"
LICENSED_PHONE = "(02) 86818959"
CANCELLED_NAME = "3D MANPOWER & PLACEMENT SERVICES CORP."
WARNING_NAME = "ТОО \"ДЫМКА\""
