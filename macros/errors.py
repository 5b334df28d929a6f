"""The one error type for bad content, and its one-line format."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataProblem:
    """One problem in one data file, located precisely enough to fix."""

    file: str
    line: int
    column: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        what = " ".join(part for part in (self.record, f"field '{self.field}'" if self.field else "") if part)
        return f"{where}: {what}: {self.message}" if what else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised once, after loading, with every problem found in the data."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The data files have {count} {noun}; the site was not built:"]
        lines += [f"  {problem}" for problem in self.problems]
        lines.append("Fix each line above (file:line:column), then build again. See data/README.md for the format.")
        return "\n".join(lines)


class SettingsError(ValueError):
    """Every problem found in a group of config settings, one line each. Subclasses name the group
    (`subject`) and say where its settings are explained (`advice`)."""

    subject = "The settings"
    advice = "Fix each line above, then build again."

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"{self.subject} have {count} problem{'s' if count != 1 else ''}; the site was not built:"]
        lines += [f"  {p}" for p in self.problems]
        lines.append(self.advice)
        return "\n".join(lines)
