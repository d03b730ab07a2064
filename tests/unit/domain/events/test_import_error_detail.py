from domain.events.import_error_detail import MESSAGE_LIMIT, ImportErrorDetail


def test_should_cut_a_long_message_to_the_limit() -> None:
    sut = ImportErrorDetail

    detail = sut.of("missing_columns", "m" * 5000)

    assert len(detail.message) == MESSAGE_LIMIT
