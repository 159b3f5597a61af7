import copydesk


def test_sentence_spans_are_str_indices():
    text = "“Great progress,” Trump tweeted in March. “Meeting being planned!”"
    spans = copydesk.sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "“Great progress,” Trump tweeted in March.",
        "“Meeting being planned!”",
    ]


def test_paragraphs_and_normalize():
    text = "One.\n\nTwo — “three”."
    assert [text[s:e] for s, e in copydesk.paragraphs(text)] == ["One.", "Two — “three”."]
    assert copydesk.normalize("Two — “Three”") == 'two - "three"'


def test_version():
    assert copydesk.__version__.count(".") == 2
