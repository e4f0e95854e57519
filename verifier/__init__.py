"""The recruitment-agency check: normalize -> match -> verdict -> check, and the views on top."""

DEFAULT_REGION = "KZ"              # the hotline's own country, for phone numbers typed without +
DEFAULT_TIMEZONE = "Asia/Almaty"   # times on results are shown in this zone, with the offset
