"""The languages are data: each file gives what the readers need, a wrong one is refused naming itself, and a
transcript's language is recognised from its common words, English where too few tell."""

from __future__ import annotations

import pytest

from edition.conventions import person_id
from edition.encode.dates import find_date, find_time, read_dateline
from edition.encode.language import detect, languages, parse, using
from edition.encode.opening import title_place


def test_every_language_file_gives_what_the_readers_need():
    found = languages()
    assert {"en", "de", "fr", "es", "it", "pl", "nl", "ru", "pt", "sv", "uk"} <= set(found)
    for code, lang in found.items():
        assert lang.code == code and len(lang.months) == 12 and len(lang.words) >= 30, code
        assert lang.titles and lang.kinds and lang.fields.get("date") and lang.credits.get("translator"), code


@pytest.mark.parametrize(("text", "says"), [
    ('code = "xx"\nname = "X"\n[dates]\nmonths = [["a"]]\n', "months must give twelve lists"),
    ('code = "xx"\nname = "X"\n[dates]\nmonths = [["a"]]\nnumeric = "ymd"\n', "twelve lists"),
    ('code = "xx"\nname = "X"\nwords = [1]\n[dates]\nmonths = ' + str([["m"]] * 12) + '\n', "words must be a list"),
    ('code = "xx"\nname = "X"\n[dates]\nmonths = ' + str([["m"]] * 12) + '\n[kinds]\nopera = ["x"]\n',
     "[kinds] has no key 'opera'"),
])
def test_a_wrong_language_file_is_refused_naming_it(text, says):
    with pytest.raises(ValueError) as e:
        parse(text, "languages/xx.toml")
    assert str(e.value).startswith("languages/xx.toml:") and says in str(e.value)


@pytest.mark.parametrize(("text", "code"), [
    ("Die Sitzung ist eröffnet. Wir beraten heute den Entwurf, und die Regierung hat ihn nicht vorgelegt.", "de"),
    ("La séance est ouverte. Nous examinons le projet, et le Gouvernement ne l'a pas encore présenté.", "fr"),
    # a council's list of appointments: its "de" and "en" are French as much as Spanish
    ("Monsieur Alain Diouf, Administrateur civil, est nommé Préfet du département de Thiès, en remplacement de "
     "Monsieur Paul Ba, appelé à d'autres fonctions; Madame Awa Sow est nommée Sous-préfet de l'arrondissement de "
     "Koki, en remplacement de Monsieur Ali Fall.", "fr"),
    ("Se abre la sesión. Señorías, el proyecto que debatimos es necesario y el Gobierno no lo ha presentado.", "es"),
    ("La seduta è aperta. Signor Presidente, vorrei che il Governo non fosse assente anche questa volta.", "it"),
    ("Otwieram posiedzenie. Proszę państwa, projekt jest gotowy i nie ma w nim błędów, które są ważne.", "pl"),
    ("De vergadering is geopend. Voorzitter, wij hebben het voorstel van de minister niet gezien en dat is het.", "nl"),
    ("Заседание открыто. Уважаемые коллеги, мы не получили этот проект, и это было очень плохо для всех.", "ru"),
    ("Está aberta a sessão. Sr. Presidente, o Governo não apresentou o projeto e isso é muito grave para nós.", "pt"),
    ("Herr talman! Regeringen har inte lämnat förslaget till riksdagen, och det är något som vi måste tala om.", "sv"),
    ("Шановні колеги! Ми не отримали цей проект, і це було дуже погано для всіх, бо нам треба його розглянути.", "uk"),
    ("The meeting is open. We have not seen the draft, and the government should have sent it to us.", "en"),
])
def test_the_language_is_recognised_from_its_common_words(text, code):
    found = detect(text)
    assert found.language.code == code and found.hits >= 5


def test_too_few_words_to_tell_is_english_and_said_so():
    found = detect("Q: Ja?\nA: Oui.")
    assert found.language.code == "en" and "too few common words" in found.evidence


@pytest.mark.parametrize(("code", "text", "iso"), [
    ("de", "Bonn, Mittwoch, den 23. Mai 1951.", "1951-05-23"),
    ("fr", "Séance du jeudi 9 mai 1968", "1968-05-09"),
    ("es", "de fecha 16/10/2008", "2008-10-16"),
    ("en", "5/12/2015", "2015-05-12"),
    ("it", "Seduta n. 459 di mercoledì 6 aprile 2011", "2011-04-06"),
    ("pl", "w dniu 15 marca 2005 r.", "2005-03-15"),
    ("ru", "12 апреля 1961 г.", "1961-04-12"),
    ("pt", "26 de setembro de 2018", "2018-09-26"),
    ("nl", "dinsdag 3 juni 2008", "2008-06-03"),
    ("sv", "Onsdagen den 27 februari 1991", "1991-02-27"),
    ("sv", "den 1:a mars 1990", "1990-03-01"),
    ("uk", "16 липня 1990 року", "1990-07-16"),
])
def test_dates_in_each_languages_words_and_order(code, text, iso):
    with using(languages()[code]):
        assert find_date(text).iso == iso


@pytest.mark.parametrize(("code", "text", "time"), [
    ("it", "La seduta comincia alle 9,35.", "09:35:00"),
    ("pl", "(Początek posiedzenia o godz. 10 min 05)", "10:05:00"),
    ("fr", "La séance est ouverte à 15 h 30.", "15:30:00"),
    ("de", "Die Sitzung wird um 10 Uhr 6 Minuten eröffnet.", "10:06:00"),
    ("en", "at 1400 hours", "14:00:00"),
    ("en", "Washington, March 4, 1957, 11 a.m.", "11:00:00"),  # an hour and a.m. or p.m., no minutes
    ("es", "a las 10 a. m.", "10:00:00"),
])
def test_times_in_each_languages_words(code, text, time):
    with using(languages()[code]):
        assert find_time(text).start_time == time


@pytest.mark.parametrize(("code", "text", "time", "words"), [
    ("fr", "(Quinze heures cinq minutes)", "15:05:00", "Quinze heures cinq minutes"),
    ("es", "Se abre la sesión a las doce y cinco minutos.", "12:05:00", "a las doce y cinco minutos"),
    ("it", "La seduta comincia alle ore nove e trentacinque.", "09:35:00", "alle ore nove e trentacinque"),
    ("pt", "Eram quinze horas e sete minutos.", "15:07:00", "quinze horas e sete minutos"),
    ("de", "Beginn: zehn Uhr fünfundvierzig", "10:45:00", "zehn Uhr fünfundvierzig"),
    ("nl", "De vergadering wordt om tien uur vijftien geopend.", "10:15:00", "om tien uur vijftien"),
])
def test_times_whose_numbers_are_words_in_each_language(code, text, time, words):
    """The time, and where it stands: the words it was read from (a dateline is nothing but its date and time)."""
    with using(languages()[code]):
        found = find_time(text)
        assert found.start_time == time
        assert text[found.start:found.end].rstrip(".)") == words


@pytest.mark.parametrize(("code", "text", "place"), [
    ("en", "Geneva \u2013 2 October 1985", "Geneva"),  # a dash parts the place from the day
    ("en", "Houston, TX \u2013 3 August 2015", "Houston, TX"),  # a town and its state
    ("en", "Houston, Texas, 3 August 2015", "Houston, Texas"),
    ("en", "Monday, October 20, 1975", ""),  # a weekday is no place
    ("de", "Bonn, 14. Mai 1962", "Bonn"),
    ("pt", "Palácio da Alvorada, 20 de dezembro de 2007", "Palácio da Alvorada"),  # a building, its particles
])
def test_the_place_of_a_dateline(code, text, place):
    with using(languages()[code]):
        assert read_dateline(text).place_name == place


def test_an_id_made_from_a_name_is_the_same_whichever_apostrophe_the_typesetting_gives():
    """French, Italian and Irish names hold apostrophes, typed straight or curly in one text: one id."""
    assert person_id("L’honorable Jean-Guy Ouellet") == person_id("L'honorable Jean-Guy Ouellet") == \
        "l-honorable-jean-guy-ouellet"
    assert person_id("D\u2018Alema") == person_id("D\u02bcAlema") == person_id("D'Alema") == "d-alema"



def test_an_id_made_from_a_name_keeps_the_letters_unicode_does_not_decompose():
    """Polish ł, German ß, Danish ø, Icelandic þ have no accent to take off: their ASCII forms, not nothing."""
    assert person_id("Marszałek") == "marszalek"
    assert person_id("Lech Wałęsa") == "lech-walesa"
    assert person_id("Franz Josef Strauß") == "franz-josef-strauss"
    assert person_id("Søren Kierkegaard") == "soren-kierkegaard"
    assert person_id("Þórunn") == "thorunn"


@pytest.mark.parametrize(("code", "title", "place"), [
    ("pt", "Confira a íntegra da entrevista de Dilma e Lula em Coimbra", "Coimbra"),
    ("es", "Conferencia de prensa del presidente en Palacio Nacional", "Palacio Nacional"),
    ("fr", "Discours du Premier ministre à Toulouse", "Toulouse"),
    ("pt", "Entrevista concedida em Março", ""),  # a month is no town
    ("es", "Entrevista en exclusiva", ""),  # a word in lower case is none either
    ("en", "Remarks by the President in Response to Questions", ""),  # title case: any word is capitalised
    ("de", "Rede in Anwesenheit des Präsidenten", ""),  # every noun is capitalised
])
def test_a_title_in_sentence_case_names_the_town_it_ends_with(code, title, place):
    with using(languages()[code]):
        assert title_place(title) == place


@pytest.mark.parametrize(("code", "line", "name"), [
    ("sv", "Anf. 3 Kultur- och demokratiminister JONAS EKMAN (M):", "JONAS EKMAN"),
    ("sv", "Anf. 4 Landsbygdsministern ANNA SJÖ (KD):", "ANNA SJÖ"),
    ("de", "Bundesfinanzminister Dr. Hans Weber:", "Hans Weber"),
    ("de", "Klima- und Umweltministerin Petra Lang (GRÜNE):", "Petra Lang"),
    ("nl", "Onderwijsminister Van Dijk:", "Van Dijk"),
])
def test_an_office_a_compound_written_solid_opens_a_label(code, line, name):
    """A language that writes compounds solid names an office by one that ends in a title of its own, its first
    parts perhaps joined by its "and" ([labels] compounds)."""
    from edition.encode.labels import read
    from edition.encode.language import vocabulary

    label = read(line, vocabulary(code))
    assert label is not None and label.name == name and label.titled
