from domain.events.import_finished import ImportFinished


class ImportCompleted(ImportFinished):
    __slots__ = ()
