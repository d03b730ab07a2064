from domain.events.import_finished import ImportFinished


class ImportRejected(ImportFinished):
    __slots__ = ()
