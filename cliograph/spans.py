"""Former name of :mod:`cliograph.edtf` (date arithmetic on EDTF values), kept so that
code written against it still imports; new code imports ``cliograph.edtf``."""

from .edtf import *  # noqa: F403
from .edtf import __all__  # noqa: F401
