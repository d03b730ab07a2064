from domain.events.import_finished import ImportFinished


class ImportFailed(ImportFinished):
    __slots__ = ()
