"""examples/seeds.ipynb runs from top to bottom, as CI's kernel runs it, so it cannot rot."""

import nbformat
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "seeds.ipynb"


def test_the_seeds_notebook_runs_without_errors():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), (
        "commit the notebook with its outputs cleared"
    )
    # Raises CellExecutionError, naming the cell, at the first cell that fails.
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("copydesk-article" in h for h in html), "an article shows its blocks"
    assert any("copydesk-dedup" in h for h in html), "the dedup result shows its clusters"
    assert any("interval_start" in h for h in html), "the dates table shows"
