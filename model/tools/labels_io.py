"""Reading and writing the labels file, which the project commits gzip'd (corpus/labels.jsonl.gz)."""
import gzip


def open_text(path, mode="r"):
    """Opens a labels file, gzip'd when its name ends in .gz (the committed corpus is)."""
    if str(path).endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8")
    return open(path, mode, encoding="utf-8")
