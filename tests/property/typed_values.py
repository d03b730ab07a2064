from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from hypothesis import strategies as st

from domain.model.record_value import RecordValue

PADDING = st.text(alphabet=" \t", max_size=2)
BOOLEAN_WORDS = {True: ("true", "1", "yes"), False: ("false", "0", "no")}


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    canonical: RecordValue


@st.composite
def padded(draw: st.DrawFn, text: str) -> str:
    return draw(PADDING) + text + draw(PADDING)


@st.composite
def integers(draw: st.DrawFn) -> Rendered:
    value = draw(st.integers(min_value=-(10**30), max_value=10**30))
    sign = "-" if value < 0 else draw(st.sampled_from(["", "+"]))
    zeros = draw(st.text(alphabet="0", max_size=3))
    return Rendered(draw(padded(f"{sign}{zeros}{abs(value)}")), value)


@st.composite
def decimals(draw: st.DrawFn) -> Rendered:
    whole = draw(st.integers(min_value=0, max_value=10**20))
    fraction = draw(st.one_of(st.none(), st.text(alphabet="0123456789", min_size=1, max_size=8)))
    negative = draw(st.booleans())
    zeros = draw(st.text(alphabet="0", max_size=3))
    sign = "-" if negative else draw(st.sampled_from(["", "+"]))
    written = f"{sign}{zeros}{whole}" + ("" if fraction is None else f".{fraction}")
    canonical = (
        ("-" if negative else "") + str(whole) + ("" if fraction is None else f".{fraction}")
    )
    return Rendered(draw(padded(written)), canonical)


@st.composite
def booleans(draw: st.DrawFn) -> Rendered:
    value = draw(st.booleans())
    word = draw(st.sampled_from(BOOLEAN_WORDS[value]))
    cased = "".join(draw(st.sampled_from([letter.lower(), letter.upper()])) for letter in word)
    return Rendered(draw(padded(cased)), value)


@st.composite
def dates(draw: st.DrawFn) -> Rendered:
    value: date = draw(st.dates())
    return Rendered(draw(padded(value.isoformat())), value.isoformat())


@st.composite
def datetimes(draw: st.DrawFn) -> Rendered:
    offset = draw(st.one_of(st.none(), st.integers(min_value=-1439, max_value=1439)))
    zone = None if offset is None else timezone(timedelta(minutes=offset))
    value: datetime = draw(st.datetimes(timezones=st.just(zone)))
    written = value.isoformat(sep=draw(st.sampled_from(["T", " "])))
    return Rendered(draw(padded(draw(utc_as_z(written)))), value.isoformat())


@st.composite
def utc_as_z(draw: st.DrawFn, written: str) -> str:
    if written.endswith("+00:00") and draw(st.booleans()):
        return written.removesuffix("+00:00") + "Z"
    return written


@st.composite
def strings(draw: st.DrawFn) -> Rendered:
    text = draw(
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1)
    )
    return Rendered(text, text)


RENDERED = {
    "string": strings(),
    "integer": integers(),
    "decimal": decimals(),
    "boolean": booleans(),
    "date": dates(),
    "datetime": datetimes(),
}
