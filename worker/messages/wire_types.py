from typing import Annotated

from pydantic import Field, StringConstraints

ImportId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,128}$")]
DatasetName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
Delimiter = Annotated[str, Field(min_length=1, max_length=1)]
