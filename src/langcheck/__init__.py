"""langcheck: a linter for victim-blaming language in police and safeguarding case notes.

>>> import langcheck
>>> findings = langcheck.check("Jade (14) has been putting herself at risk.")
>>> findings[0].rule_id, findings[0].text
('AG001', 'putting herself at risk')
"""

from __future__ import annotations

from langcheck.config import Config
from langcheck.errors import ConfigError, InputError, LangcheckError, PipelineError, RuleError
from langcheck.linter import Linter, check
from langcheck.models import Finding, Rule, Severity, Subject
from langcheck.ruleset import RuleSet, load_rules
from langcheck.version import __version__

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
    "load_rules",
]
