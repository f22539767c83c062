from search.query import MAX_QUERY_LENGTH, normalise_query


def test_operators_and_control_characters_become_spaces():
    assert normalise_query('schools & (Dohuk) | "camp"*') == "schools Dohuk camp"
    assert normalise_query("a\x00b") == "a b"


def test_arabic_diacritics_do_not_split_words():
    assert normalise_query("مَدْرَسَة") == "مدرسة"


def test_accented_latin_letters_survive():
    assert normalise_query("forgeron e\u0301cole") == "forgeron école"


def test_length_is_capped():
    assert len(normalise_query("word " * 5000)) <= MAX_QUERY_LENGTH


def test_empty_and_punctuation_only_queries_are_empty():
    assert normalise_query(None) == ""
    assert normalise_query("'\"&|!():*<>") == ""
