import re
from pathlib import Path

import numpy as np
import pytest

from rag.errors import SettingsError
from rag.settings import SETTINGS, Settings, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_defaults() -> None:
    settings = load_settings(env={})
    assert settings.store == ".newsrag"
    assert settings.host == "127.0.0.1"


def test_precedence_defaults_config_env_flags(tmp_path: Path) -> None:
    config = tmp_path / "newsrag.toml"
    config.write_text('top_k = 7\nport = 9000\nstore = "from-config"\n')
    env = {"NEWSRAG_PORT": "9100", "NEWSRAG_STORE": "from-env"}
    settings = load_settings(config, env=env, overrides={"store": "from-flag", "chunk_tokens": None})
    assert settings.top_k == 7  # config over default
    assert settings.port == 9100  # env over config
    assert settings.store == "from-flag"  # flag over env
    assert settings.chunk_tokens == SETTINGS["chunk_tokens"].default  # None means "flag not given"


def test_config_table_form(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[newsrag]\ntop_k = 3\n")
    assert load_settings(config, env={}).top_k == 3


def test_unknown_keys_fail_at_start_up(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="NEWSRAG_TOPK"):
        load_settings(env={"NEWSRAG_TOPK": "3"})
    config = tmp_path / "c.toml"
    config.write_text("colection = 'x'\n")
    with pytest.raises(SettingsError, match="'colection'"):
        load_settings(config, env={})


def test_bad_values_name_the_setting_and_value() -> None:
    with pytest.raises(SettingsError, match=r"top_k must be at least 1\. Currently, top_k is 0"):
        load_settings(env={"NEWSRAG_TOP_K": "0"})
    with pytest.raises(SettingsError, match="port.*int.*'abc'"):
        load_settings(env={"NEWSRAG_PORT": "abc"})
    with pytest.raises(SettingsError, match="chunk_tokens must be at most 254"):
        load_settings(env={}, overrides={"chunk_tokens": 300})


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name in SETTINGS:
        assert re.search(rf"`{name}`", readme), f"setting {name} is missing from README.md"
        assert f"NEWSRAG_{name.upper()}" in readme, f"NEWSRAG_{name.upper()} is missing from README.md"


def test_bfloat16_embeddings_are_close_to_float32_and_share_a_fingerprint(embedder) -> None:  # type: ignore[no-untyped-def]
    from rag.embed import Embedder, resolve_dtype
    from rag.errors import NewsragError

    assert Settings().embedding_dtype == "auto" and embedder.dtype == resolve_dtype("auto")  # the default backend
    texts = ["The Tromsvik ferry now leaves every 30 minutes.", "Mishustin spoke about universities and quotas."]
    fp32, bf16 = Embedder(dtype="float32"), Embedder(dtype="bfloat16")
    a, b = fp32.embed(texts), bf16.embed(texts)
    assert b.dtype == np.float32 and np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(axis=1).min()) > 0.99
    # one model's vectors in either precision live in one store: a precision switch (or a machine of another CPU
    # kind under "auto") re-embeds nothing
    assert fp32.fingerprint == bf16.fingerprint == embedder.fingerprint
    with pytest.raises(NewsragError, match="embedding_dtype"):
        Embedder(dtype="int4")
    with pytest.raises(NewsragError, match="embedding_dtype"):
        load_settings(env={}, overrides={"embedding_dtype": "fp16"})


def test_embedding_device_and_llm_gpu_layers_are_checked_at_start_up() -> None:
    assert Settings().embedding_device == "auto" and Settings().llm_gpu_layers == 0
    with pytest.raises(SettingsError, match=r"embedding_device must be one of auto, cpu, cuda, mps\. .*'gpu'"):
        load_settings(env={"NEWSRAG_EMBEDDING_DEVICE": "gpu"})
    for device in ("cpu", "cuda", "mps"):  # a valid choice; whether this machine has it is the embedder's check
        assert load_settings(env={}, overrides={"embedding_device": device}).embedding_device == device
    assert load_settings(env={"NEWSRAG_LLM_GPU_LAYERS": "-1"}).llm_gpu_layers == -1  # all layers
    with pytest.raises(SettingsError, match=r"llm_gpu_layers must be at least -1\. Currently, llm_gpu_layers is -2"):
        load_settings(env={}, overrides={"llm_gpu_layers": -2})
    assert load_settings(env={}, overrides={"embedding_dtype": "float16"}).embedding_dtype == "float16"


def test_auto_precision_is_bfloat16_only_where_the_cpu_multiplies_it_natively() -> None:
    from rag.embed import cpu_flags, resolve_dtype

    epyc_milan = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma f16c\n"
    sapphire_rapids = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 amx_bf16 amx_tile\n"
    assert resolve_dtype("auto", cpu_flags(epyc_milan)) == "float32"  # bf16 is emulated there: 6x slower
    assert resolve_dtype("auto", cpu_flags(sapphire_rapids)) == "bfloat16"
    assert resolve_dtype("auto", cpu_flags("")) == "float32"  # no /proc/cpuinfo (macOS): the safe choice
    assert resolve_dtype("bfloat16", cpu_flags(epyc_milan)) == "bfloat16"  # an explicit choice is kept
    assert resolve_dtype("float32", cpu_flags(sapphire_rapids)) == "float32"
