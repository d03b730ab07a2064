RecordValue = str | int | bool | None
