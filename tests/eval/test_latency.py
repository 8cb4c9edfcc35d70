import pytest

from eval.latency import main


def test_latency_names_a_folder_that_is_no_tree(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--store", str(tmp_path)])
    assert "not a newsrag tree" in capsys.readouterr().err
