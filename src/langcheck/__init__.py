"""langcheck: a linter for victim-blaming language in police and safeguarding case notes.

>>> import langcheck
>>> findings = langcheck.check("Jade (14) has been putting herself at risk.")
>>> findings[0].rule_id, findings[0].text
('AG001', 'putting herself at risk')

The names below are imported when first used, not when the package is: spaCy imports
`langcheck.component` (and so this package) whenever it builds any pipeline in an environment
where langcheck is installed, and that must not cost the rules, the linter or the YAML loader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from langcheck.errors import ConfigError, InputError, LangcheckError, PipelineError, RuleError
from langcheck.models import Finding, Rule, Severity, Subject
from langcheck.version import __version__

if TYPE_CHECKING:
    from langcheck.config import Config, load_config
    from langcheck.linter import Linter, check
    from langcheck.ruleset import RuleSet, load_rules

_LAZY = {
    "Config": "langcheck.config",
    "load_config": "langcheck.config",
    "Linter": "langcheck.linter",
    "check": "langcheck.linter",
    "RuleSet": "langcheck.ruleset",
    "load_rules": "langcheck.ruleset",
}

__all__ = [
    "Config",
    "ConfigError",
    "Finding",
    "InputError",
    "LangcheckError",
    "Linter",
    "PipelineError",
    "Rule",
    "RuleError",
    "RuleSet",
    "Severity",
    "Subject",
    "__version__",
    "check",
    "load_config",
    "load_rules",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (see the module docstring)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'langcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
