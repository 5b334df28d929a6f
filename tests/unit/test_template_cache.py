"""Each page's compiled template is kept between builds (hooks/template_cache.py), and used only while the page's
source and the template settings are the same."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("template_cache_hook", ROOT / "hooks" / "template_cache.py")
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.setattr(hook, "_cache", jinja2.FileSystemBytecodeCache(str(tmp_path)))
    compiled = []

    def environment(**settings):
        env = jinja2.Environment(**settings)
        real = env.compile
        env.compile = lambda source, *a, **k: compiled.append(source) or real(source, *a, **k)
        macros = SimpleNamespace(_env=env, page=SimpleNamespace(file=SimpleNamespace(src_uri="history.md")))
        hook.on_pre_build(SimpleNamespace(plugins={"macros": macros}))
        return env

    return environment, compiled


def test_a_page_is_compiled_once_until_its_source_changes(kept):
    environment, compiled = kept
    assert environment().from_string("{{ 1 + 1 }} events").render() == "2 events"
    assert environment().from_string("{{ 1 + 1 }} events").render() == "2 events"  # the next build
    assert compiled == ["{{ 1 + 1 }} events"]
    assert environment().from_string("{{ 2 + 2 }} events").render() == "4 events"  # the page was edited
    assert compiled == ["{{ 1 + 1 }} events", "{{ 2 + 2 }} events"]


def test_other_template_settings_compile_again(kept):
    environment, compiled = kept
    assert environment().from_string("<< 1 >> {{ 2 }}").render() == "<< 1 >> 2"
    assert environment(variable_start_string="<<", variable_end_string=">>").from_string(
        "<< 1 >> {{ 2 }}").render() == "1 {{ 2 }}"
    assert len(compiled) == 2
