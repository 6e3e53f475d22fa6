"""The benchmark's command line (bench/loadtest/options.py), parsed without running."""

import pytest

from bench.loadtest import options


def parse(*argv, **environ):
    return options.parse_args(list(argv), environ=environ)


def test_defaults_measure_every_backend_size_state_page_and_scenario():
    parsed = parse()
    assert parsed.backends == ["sqlite", "postgres"]
    assert parsed.sizes == [45, 1_000, 10_000]
    assert parsed.seconds == 8
    assert parsed.states == ["cold", "warm"]
    assert parsed.scenarios == ["bypass", "redis-outage"]
    assert parsed.pages == [
        "list",
        "analysis",
        "filtered",
        "search",
        "exercise",
        "muscle",
    ]


def test_default_dataset_is_the_sample_in_the_repository():
    assert parse().dataset == options.SAMPLE_DATASET
    assert options.SAMPLE_DATASET.is_file()


def test_quick_shortens_sizes_and_seconds_unless_given():
    assert (parse("--quick").sizes, parse("--quick").seconds) == ([45, 1_000], 3)
    assert parse("--quick", "--sizes", "100", "--seconds", "5").sizes == [100]
    assert parse("--quick", "--seconds", "5").seconds == 5


def test_sizes_are_sorted_deduplicated_and_may_use_underscores():
    assert parse("--sizes", "10_000,45,1000,45").sizes == [45, 1_000, 10_000]


@pytest.mark.parametrize("sizes", ["44", "45,abc", ","])
def test_bad_sizes_are_refused(sizes, capsys):
    with pytest.raises(SystemExit) as exit_:
        parse("--sizes", sizes)
    assert exit_.value.code == 2
    assert "--sizes" in capsys.readouterr().err


def test_unknown_names_are_refused_with_the_choices(capsys):
    with pytest.raises(SystemExit):
        parse("--pages", "list,nope")
    assert (
        "unknown page: nope (choose from list, analysis, filtered"
        in capsys.readouterr().err
    )


def test_states_or_scenarios_can_be_none_but_not_both(capsys):
    assert parse("--states", "none").states == []
    assert parse("--scenarios", "none").scenarios == []
    with pytest.raises(SystemExit):
        parse("--states", "none", "--scenarios", "none")
    assert "nothing to measure" in capsys.readouterr().err


def test_environment_gives_dataset_server_and_prefix(tmp_path):
    dataset = tmp_path / "exercises.json"
    dataset.write_text("[]")
    parsed = parse(
        BENCH_DATASET=str(dataset),
        BENCH_POSTGRES="postgres://me@db.example:6543/admin",
        BENCH_DB_PREFIX="wt_bench_",
    )
    assert parsed.dataset == dataset
    assert parsed.postgres == "postgres://me@db.example:6543/admin"
    assert parsed.db_prefix == "wt_bench_"


def test_a_missing_dataset_is_refused_with_its_path(tmp_path, capsys):
    with pytest.raises(SystemExit):
        parse("--dataset", str(tmp_path / "absent.json"))
    assert "absent.json" in capsys.readouterr().err


@pytest.mark.parametrize("prefix", ["bench-x", "1bench", "drop table;"])
def test_database_prefixes_that_are_not_plain_names_are_refused(prefix):
    with pytest.raises(SystemExit):
        parse("--db-prefix", prefix)


def test_a_postgres_option_that_is_not_a_postgres_url_is_refused():
    with pytest.raises(SystemExit):
        parse("--postgres", "mysql://root@localhost/db")
