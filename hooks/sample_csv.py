"""Put the screening-metrics sample CSV into the site as calculators/sample-screening-data.csv.

The file's text lives once, in calculators/sample_data.py (it is also the calculator's default
input), so the download and the pre-rendered example cannot drift apart. It is added as a
generated file, so Markdown links to it are checked like any other and `mkdocs serve` serves it.
"""
import importlib.util
from pathlib import Path

from mkdocs.structure.files import File

PATH = "calculators/sample-screening-data.csv"
SOURCE = Path(__file__).resolve().parent.parent / "calculators" / "sample_data.py"


def sample_csv():
    """SAMPLE_CSV, loaded from its file (hooks load before the project is on sys.path)."""
    spec = importlib.util.spec_from_file_location("_sample_data", SOURCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SAMPLE_CSV


def on_files(files, config, **kwargs):
    if files.get_file_from_path(PATH) is None:
        files.append(File.generated(config, PATH, content=sample_csv()))
    return files
