from application.ports.message_publisher import MessagePublisher


def test_should_leave_publish_to_each_adapter() -> None:
    sut = MessagePublisher

    abstract = sut.__abstractmethods__

    assert abstract == frozenset({"publish"})
