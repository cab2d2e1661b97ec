"""The one base class every pydantic model of newsclean derives from."""

from pydantic import BaseModel, ConfigDict


class FrozenModel(BaseModel):
    """Immutable, strict about unknown fields: a typo in a setting is an error, not a silent default."""

    model_config = ConfigDict(frozen=True, extra="forbid")
