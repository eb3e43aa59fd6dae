"""``PIL.Image`` as far as reportlab needs it to load: nothing here draws or decodes.

See build/stubs/PIL/__init__.py for why the bundle carries this instead of Pillow.
"""

from __future__ import annotations

from typing import NoReturn

__version__ = "0+stand-in"
STAND_IN = True


class Image:
    """Never instantiated: reportlab's ``isinstance(x, Image.Image)`` checks are just false."""


def _unavailable(*_args: object, **_kwargs: object) -> NoReturn:
    raise ImportError("Pillow is not in this bundle: the app embeds no raster images in PDFs")


open = _unavailable  # the name reportlab calls
new = _unavailable
frombytes = _unavailable
