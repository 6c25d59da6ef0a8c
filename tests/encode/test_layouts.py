"""Transcripts in the layouts other archives print (issue 13): headings, paragraphs separated by single newlines,
text before the heading, and headers that say what the encoder found. Each fixture is written here, in the style
of a kind of record (FRUS, White House memcons and telcons), and each test asserts the exact encoding."""

from __future__ import annotations

import pytest

from edition.conventions import TEI_NS, reading_text
from edition.encode import Registry, encode_text, verify_lossless
from edition.validate import Validator

NS = {"t": TEI_NS}


def encode(text: str):
    result = encode_text(text, "fixture.txt", Registry.load())
    assert verify_lossless(text, result.documents) == []
    return result


def first(text: str):
    result = encode(text)
    assert len(result.documents) == 1, [d.id for d in result.documents]
    return result.documents[0].tree.getroot()


def xp(root, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def texts(root, path: str) -> list[str]:
    """The text of each element found, names and dates within it included."""
    return ["".join(e.itertext()) for e in xp(root, path)]


@pytest.mark.parametrize(("heading", "kind", "title"), [
    ("216. Memorandum of Conversation1", "meeting", "Memorandum of Conversation"),  # (the footnote's mark: the
    # heading keeps it, the title does not)
    ("Document No. 40: Record of Conversation between M. S. Gorbachev and H. Kohl", "meeting",
     "Record of Conversation between M. S. Gorbachev and H. Kohl"),
    ("88. Transcript of a Telephone Conversation Between President Ford and Secretary Kissinger2", "telephone",
     "Transcript of a Telephone Conversation Between President Ford and Secretary Kissinger"),
    ("MEMORANDUM OF TELEPHONE CONVERSATION", "telephone", "MEMORANDUM OF TELEPHONE CONVERSATION"),
    ("ME MORANDUM OF CONVERSATION", "meeting", "ME MORANDUM OF CONVERSATION"),
    ("Telcon with the Prime Minister of Canada", "telephone", "Telcon with the Prime Minister of Canada"),
    ("Notes of Conversation, Bonn, 12 May 1989", "meeting", "Notes of Conversation, Bonn, 12 May 1989"),
])
def test_heading_forms_start_a_record_with_its_kind_and_title(heading, kind, title):
    text = f"{heading}\n\nFord: We must talk about grain.\n\nKissinger: We must.\n\nFord: Good.\n"
    root = first(text)
    assert texts(root, "//t:text//t:head") == [heading]
    assert xp(root, "//t:text/@subtype") == [kind]
    assert texts(root, "//t:titleStmt/t:title[@type='main']") == [title]
    assert len(xp(root, "//t:sp")) == 3


def test_a_long_paragraph_that_starts_like_a_heading_is_not_one():
    text = "Memorandum of Conversation between the Soviet and the American sides, which " * 5 + "ended.\n"
    result = encode(text)
    assert not xp(result.documents[0].tree.getroot(), "//t:text//t:head")


def test_paragraphs_separated_by_single_newlines_are_read_one_per_line():
    text = ("93. Transcript of a Telephone Conversation Between Secretary Rogers and Kissinger1\n"
            "R: Hello Henry. I was wondering about the meeting.\n"
            "K: Which meeting?\n"
            "[Page 283]\n"
            "R: The one with Dobrynin.\n"
            "K: Oh, that one.\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == [
        "93. Transcript of a Telephone Conversation Between Secretary Rogers and Kissinger1"]
    assert [s.text for s in xp(root, "//t:speaker")] == ["R:", "K:", "R:", "K:"]
    assert texts(root, "//t:sp[1]/t:p") == ["Hello Henry. I was wondering about the meeting."]


def test_a_paragraph_per_line_without_labels():
    lines = [f"The Vice President said that point {k} of the talks was settled and that the rest would follow soon."
             for k in range(1, 5)]
    root = first("4. Memorandum of Conversation1\n" + "\n".join(lines) + "\n")
    assert texts(root, "//t:body//t:div/t:p") == lines


def test_hard_wrapped_speech_and_a_wrapped_heading_stay_whole():
    text = ("Memorandum of Conversation between Mikhail Gorbachev and\nJohn Major\n\n"
            "Gorbachev: I can tell you that we\nhave decided to\ngo on.\n\n"
            "Major: Thank you.\n\nGorbachev: Good.\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == ["Memorandum of Conversation between Mikhail Gorbachev and John Major"]
    assert texts(root, "//t:sp[1]/t:p") == ["I can tell you that we have decided to go on."]


def test_text_before_the_heading_is_front_matter_not_a_record_or_a_turn():
    text = ("Skip to main content\n\nHistorical Documents\n\n"
            "Memorandum of Conversation between Gorbachev and Kohl\n\nGorbachev: Welcome.\n\nKohl: Thank you.\n")
    root = first(text)
    assert texts(root, "//t:text/t:front/t:div[@type='preamble']/t:p") == [
        "Skip to main content", "Historical Documents"]
    assert len(xp(root, "//t:sp")) == 2 and not xp(root, "//t:front//t:sp")


def test_the_header_says_what_the_encoder_found_never_what_the_record_lacks():
    root = first("Memorandum of Conversation\n\nSisco: Shall we begin?\n\nGromyko: Yes.\n")
    notes = " ".join(" ".join(n.itertext()) for n in xp(root, "//t:notesStmt/t:note"))
    assert "The encoder found no date in this record" in notes
    assert "The encoder found no source note" in notes
    for claim in ("prints no", "names no", "is not named", "has no"):
        assert claim not in notes, claim


def setting(root) -> dict:
    date = xp(root, "//t:settingDesc/t:setting/t:date")
    place = texts(root, "//t:settingDesc/t:setting/t:placeName")
    return {**(dict(date[0].attrib) if date else {}), "place": place[0] if place else None}


@pytest.mark.parametrize(("block", "expected"), [
    ("DATE, TIME February 22, 1998, 1:15 - 1:26 p.m. EST AND PLACE: The Residence",
     {"from": "1998-02-22T13:15:00-05:00", "to": "1998-02-22T13:26:00-05:00", "place": "The Residence"}),
    ("DATE, TIME AND PLACE: October 8, 1991, 2:22 - 2:34pm Oval Office",
     {"from": "1991-10-08T14:22:00", "to": "1991-10-08T14:34:00", "place": "Oval Office"}),
    ("DATE AND TIME:       Monday, February 21, 1972 - 2:50-3:55pm\n\nPLACE:      Chairman Mao's Residence, Peking",
     {"from": "1972-02-21T14:50:00", "to": "1972-02-21T15:55:00", "place": "Chairman Mao's Residence, Peking"}),
    ("DATE: May 2, 1997", {"when": "1997-05-02", "place": None}),
])
def test_the_header_block_gives_date_time_and_place(block, expected):
    text = ("MEMORANDUM OF TELEPHONE CONVERSATION\n\nSUBJECT: Telcon with the Chancellor\n\n"
            "PARTICIPANTS: The President\nChancellor Kohl\n\n" + block +
            "\n\nThe President: Helmut, how are you?\n\nChancellor Kohl: Fine.\n\nThe President: Good.\n")
    root = first(text)
    got = setting(root)
    assert {k: got.get(k) for k in expected} == expected
    assert [s.text for s in xp(root, "//t:speaker")] == ["The President:", "Chancellor Kohl:", "The President:"]


def test_a_subject_line_says_a_record_without_heading_is_a_call():
    root = first("SUBJECT: Telcon with British Prime Minister Blair (U)\n\nThe President: Hello? (U)\n\n"
                 "Prime Minister Blair: Hello Bill. (U)\n")
    assert xp(root, "//t:text/@subtype") == ["telephone"]


def test_a_weekday_before_the_date_is_not_the_place():
    root = first("Memorandum of Conversation\n\nDATE AND TIME: Monday, October 20, 1975, 10:00 - 11:40 a.m.\n\n"
                 "Teng: Welcome.\n\nKissinger: Thank you.\n")
    assert setting(root)["place"] is None and setting(root)["from"] == "1975-10-20T10:00:00"


@pytest.mark.parametrize(("text", "labels"), [
    ("Memorandum of Conversation\n\nTENG: Welcome.\n\nKISSINGER : Thank you.\n\nTENG: Sit down.\n",
     ["TENG:", "KISSINGER :", "TENG:"]),
    ("Panel\n\nSUSSER: Welcome.\n\nLT. GENERAL BRENT SCOWCROFT: Thank you.\n\nSUSSER: So.\n\nSCOWCROFT: Yes.\n",
     ["SUSSER:", "LT. GENERAL BRENT SCOWCROFT:", "SUSSER:", "SCOWCROFT:"]),
    ("Transcript of a Telephone Conversation\n\nP: Well?\n\nK: But then he said no.\n\nP: I see.\n",
     ["P:", "K:", "P:"]),
    ("Telcon with the Prime Minister\n\nThe President: Hello? (U)\n\nE.O. 13526, section 1.4(d)\n\n"
     "Prime Minister Blair: Hello. (U)\n\nThe President: Good. (U)\n\nPrime Minister Blair: Yes.\n",
     ["The President:", "Prime Minister Blair:", "The President:", "Prime Minister Blair:"]),
])
def test_speaker_labels_in_their_printed_forms(text, labels):
    assert [s.text for s in xp(first(text), "//t:speaker")] == labels


def test_a_one_off_field_before_a_colon_is_no_speaker_where_no_label_recurs():
    text = ("MEMORANDUM OF CONVERSATION\n\nDocument Type: Memorandum\n\nDeclassification Authority: Agency review\n\n"
            "The Ambassador and the Secretary discussed the supply of aircraft.\n")
    root = first(text)
    assert not xp(root, "//t:sp")


def people(root) -> list[tuple[str, str]]:
    return [("".join(p.find("t:persName", NS).itertext()), p.get("role"))
            for p in xp(root, "//t:particDesc//t:person")]


def credits(root) -> list[tuple[str, str]]:
    return [(r.findtext("t:resp", namespaces=NS), "".join(r.find("t:persName", NS).itertext()))
            for r in xp(root, "//t:titleStmt/t:respStmt[t:persName]")]


def test_a_participants_list_with_sides_and_roles():
    text = ("4. Memorandum of Conversation1\nPARTICIPANTS\nU.S.\n- Vice President Quayle\n- Dr. Sokolov, interpreter\n"
            "U.S.S.R.\n- Foreign Minister Bessmertnykh\n- Mr. Ivanov (notetaker)\n"
            "The Vice President began the conversation by telling the Foreign Minister that he appreciated his coming "
            "to see him in spite of his busy schedule.\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == ["4. Memorandum of Conversation1"]
    assert people(root) == [("Vice President Quayle", "participant"), ("Dr. Sokolov", "interpreter"),
                            ("Foreign Minister Bessmertnykh", "participant"), ("Mr. Ivanov", "notetaker")]
    assert credits(root) == [("interpreter", "Dr. Sokolov"), ("notetaker", "Mr. Ivanov")]


def test_sides_listed_without_a_participants_label_then_the_subject_as_a_bullet():
    """FRUS prints a memorandum's participants under their sides' headings with no PARTICIPANTS label, then its
    subject as a bullet of its own: the lists are the participants (names, not their offices)."""
    sides = ["UK:", "  Anthony Crane, Foreign Secretary", "  Sir Michael Hale, Permanent Under Secretary",
             "  Sir Peter Dunn, Deputy Under Secretary", "US:", "  Dr. Henry Keller, Secretary of State",
             "  Winston Lowe, Director, Policy Planning Staff"]
    text = ("202. Memorandum of Conversation1\n\n\n" + "".join(f"  \u2022 {line}\n" for line in sides) +
            "\n\n  \u2022 Southern Africa\n\nCrane: How would you like to start?\n\nKeller: With Rhodesia.\n\n"
            "Crane: Good.\n")
    root = first(text)
    names = [name for name, _role in people(root)]
    assert [n for n in ["Sir Michael Hale", "Sir Peter Dunn", "Winston Lowe"] if n not in names] == []  # (and the
    # speakers, as their labels name them)
    assert not [n for n in names if "Secretary" in n or "Director" in n]


def test_a_bulleted_participants_list_after_blank_lines():
    text = ("431. Memorandum of Conversation1\n\nSUBJECT\n\n  \u2022 Summary of the Conversation on Trade\n\n"
            "PARTICIPANTS\n\n  \u2022 The President\n  \u2022 Peter R. Jones (notetaker)\n\n"
            "  \u2022 Prime Minister Lubbers\n  \u2022 A.B. Smit (notetaker)\n\n"
            "The President opened the meeting by saying that trade was on his mind.\n")
    root = first(text)
    assert [p for p in people(root) if p[1] == "notetaker"] == [("Peter R. Jones", "notetaker"),
                                                                 ("A.B. Smit", "notetaker")]
    assert credits(root) == [("notetaker", "Peter R. Jones"), ("notetaker", "A.B. Smit")]


def test_credits_given_as_fields():
    text = ("MEMORANDUM OF TELEPHONE CONVERSATION\n\nSUBJECT: Telcon with the Chancellor\n\n"
            "PARTICIPANTS: The President\nChancellor Kohl\n\nInterpreter: Gisela Weiss\n\n"
            "Notetakers: Ann Lee, Bob Stone and Carl Diaz\n\nDATE: May 2, 1991\n\n"
            "The President: Helmut?\n\nChancellor Kohl: Yes.\n\nThe President: Good.\n")
    root = first(text)
    assert credits(root) == [("interpreter", "Gisela Weiss"), ("notetaker", "Ann Lee"), ("notetaker", "Bob Stone"),
                             ("notetaker", "Carl Diaz")]


def test_text_flattened_to_one_line_is_cut_before_the_labels_that_recur_in_it():
    turns = ("The President: Boris, can you hear me? This is George Bush. (U) President Yeltsin: Mr. President, I "
             "greet you. (U) The President: Where did I find you, in Moscow? (U) President Yeltsin: No, I go back "
             "to Moscow on the tenth [of October]. (U) The President: Good. Take care of yourself, and call me if "
             "you need anything at all. (U) President Yeltsin: Thank you, I will. (U)")
    heading = "MEMORANDUM OF TELEPHONE CONVERSATION SUBJECT: Telcon with Boris Yeltsin"
    root = first(f"{heading} {turns}\n")
    assert texts(root, "//t:text//t:head") == [heading]
    assert [s.text for s in xp(root, "//t:speaker")] == ["The President:", "President Yeltsin:"] * 3
    assert texts(root, "//t:sp[2]/t:p") == ["Mr. President, I greet you. (U)"]


def test_a_typed_transcript_taken_from_a_pdf_without_its_line_breaks_is_cut_before_its_glued_labels():
    """Text taken from a PDF of a typed tape transcript loses its line breaks and the spaces at them: the labels in
    capitals stand glued to the words around them (``soHALDEMAN:Yeah.``), once after a running head's ``P.M.``.
    Each recurring label opens a turn; every character is kept, only spaces added where the turns were cut."""
    heading = ("TRANSCRIPT OF A TELEPHONE CONVERSATION BETWEEN THE CHAIRMAN AND E. MORGAN ON MAY 2, 1972 FROM 9:02 TO "
               "9:16 P.M.")
    text = (heading.replace("E C", "EC") + heading + "CHAIRMAN:I just told him "
            "soMORGAN:Yeah. CHAIRMAN:he would not be surprised.MORGAN:Well, I canCHAIRMAN:It is one of those "
            "things.MORGAN:Hard to believe.2MAY 2, 1972 FROM 9:02 TO 9:16 P.M.CHAIRMAN:Right, right, of course, "
            "they will if they, I suppose, they will say that, uh.MORGAN:Yes, I think they will say that it was "
            "the purpose, and that so that did not mean anything.CHAIRMAN:Good night, Ted.\n")
    result = encode(text)
    root = result.documents[0].tree.getroot()
    assert [s.text for s in xp(root, "//t:speaker")] == ["CHAIRMAN:", "MORGAN:"] * 4 + ["CHAIRMAN:"]
    assert texts(root, "//t:sp[1]/t:p") == ["I just told him so"]
    assert texts(root, "//t:sp[6]/t:p") == ["Hard to believe.2MAY 2, 1972 FROM 9:02 TO 9:16 P.M."]
    assert verify_lossless(text, result.documents) == []
    assert verify_lossless(text.replace("him so", "himso"), result.documents)  # a space lost is still a loss
    # its heading in capitals (the cover's, its words glued, and the first page's head), long as a sentence, says
    # what it records
    assert root.xpath("string(//t:text/@subtype)", namespaces=NS) == "telephone"


@pytest.mark.parametrize(("block", "expected"), [
    ("DATE, TIME AND PLACE: February 22, 1998, 1:15 - 1:26 p.m. EST, The Residence",
     {"from": "1998-02-22T13:15:00-05:00", "to": "1998-02-22T13:26:00-05:00"}),
    ("DATE: May 2, 1997\n\nTIME: 1430 EDT", {"when": "1997-05-02T14:30:00-04:00"}),
])
def test_a_printed_time_zone_becomes_an_offset(block, expected):
    root = first("MEMORANDUM OF TELEPHONE CONVERSATION\n\n" + block +
                 "\n\nThe Deputy Secretary: Hello.\n\nMr. Greenstock: Hello.\n\nThe Deputy Secretary: Good.\n")
    assert {k: v for k, v in setting(root).items() if k in expected} == expected


def test_a_place_field_is_more_precise_than_the_headings_city():
    root = first("88. Memorandum of Conversation, Beijing, February 21, 1972, 2:30-2:40 p.m.1\n\n"
                 "PARTICIPANTS: Dr. Kissinger\nPrime Minister Chou\n\n"
                 "DATE & TIME: Monday, February 21, 1972, 2:30-2:40 p.m.\nPLACE: The Guest House, Peking\n\n"
                 "PM Chou: Welcome.\n\nDr. Kissinger: Thank you.\n\nPM Chou: Please.\n")
    assert setting(root) == {"from": "1972-02-21T14:30:00", "to": "1972-02-21T14:40:00",
                             "place": "The Guest House, Peking"}


def test_a_page_of_the_source_publication_is_a_page_break_not_a_supplied_word():
    text = ("122. Transcript of a Telephone Conversation Between the President and Kissinger1\n\n"
            "P: How did it go?\n\nK: Well. He said the [Page 357] talks would go on.\n\n[Page 358]\n\nP: I know.\n")
    root = first(text)
    assert [(pb.get("n"), pb.get("rend")) for pb in xp(root, "//t:text//t:pb")] == [("357", "page"), ("358", "page")]
    assert [s.text for s in xp(root, "//t:speaker")] == ["P:", "K:", "P:"]
    assert not xp(root, "//t:supplied")
    assert texts(root, "//t:sp[2]/t:p") == ["Well. He said the  talks would go on."]


@pytest.mark.parametrize(("note", "place", "start"), [
    ("1. Source: Reagan Library, Subject File, Box 3. Secret. The meeting took place in the Oval Office.",
     "Oval Office", None),
    ("- Source: National Archives, Nixon Presidential Materials, Box 8. No classification marking. Rogers was in "
     "Washington; Kissinger was in San Clemente.\u21a9", "Rogers in Washington; Kissinger in San Clemente", None),
    ("1. Source: Carter Library, Box 66. Secret. According to the President\u2019s Daily Diary, Carter spoke with "
     "Begin from the Oval Office from 2:33 p.m. to 2:47 p.m.", "Oval Office", "14:33:00"),
])
def test_a_publications_source_footnote_gives_place_and_time_and_says_so(note, place, start):
    text = ("188. Transcript of a Telephone Conversation Between President Carter and Prime Minister Begin1\n"
            "The President: How are you?\nBegin: Wonderful to hear your voice.\n"
            "The President: I got your letter.\nBegin: I apologize.\n"
            f"The President: Good.\n{note}\n")
    root = first(text)
    assert len(xp(root, "//t:sp")) == 5
    assert not xp(root, "//t:sp//t:note")  # the note is no part of the last turn
    assert texts(root, "//t:settingDesc//t:placeName") == [place]
    date = xp(root, "//t:settingDesc//t:date")[0]
    assert (date.get("from") or date.get("when")) == start
    said = texts(root, "//t:notesStmt/t:note[@type='setting']")
    assert said and all("taken from the editors' source note" in s for s in said)
    assert xp(root, "//t:sourceDesc/t:msDesc/t:msIdentifier/t:repository/text()")[0] == \
        note.split(": ", 1)[1].split(",")[0]
    assert not xp(root, "//t:msIdentifier/t:settlement")  # "Nixon Presidential Materials" is no town


def test_the_source_footnote_says_who_presumably_drafted_the_record():
    text = ("88. Memorandum of Conversation, Beijing, February 21, 1972, 2:30-2:40 p.m.1\n\n"
            "PM Chou: Chairman Mao would like to see the President.\n\nDr. Kissinger: Can I bring Winston Lord?\n\n"
            "PM Chou: Yes.\n\n"
            "  1. Source: National Archives, NSC Files, Box 92. Top Secret. No drafting information appears on the "
            "memorandum; presumably drafted by Lord. The meeting was held at the President\u2019s Guest House, "
            "Beijing.\n")
    root = first(text)
    assert credits(root) == [("drafted by", "Lord")]
    assert xp(root, "//t:note[@type='source']/@n") == ["1"]
    # the heading's place comes first; the note's is more precise only where the record names none
    assert texts(root, "//t:settingDesc//t:placeName") == ["Beijing"]


@pytest.mark.parametrize(("page", "kind", "title"), [
    ('Richard Nixon and Mao Zedong "Memorandum of Conversation," February 21, 1972, 2:50-3:55pm', "meeting",
     'Richard Nixon and Mao Zedong "Memorandum of Conversation," February 21, 1972, 2:50-3:55pm'),
    ("The President's News Conference With President Mitterrand of France", "press",
     "The President's News Conference With President Mitterrand of France"),
    ("Lt. General Brent Scowcroft", "other", "Lt. General Brent Scowcroft"),
])
def test_a_web_pages_title_is_the_heading_and_names_the_kind(page, kind, title):
    text = (f"{page}\n\nSUSSER: Why don't we begin?\n\nSCOWCROFT: Sure.\n\nSUSSER: Good.\n\n"
            "SCOWCROFT: Well, yeah.\n") if kind == "other" and "Conference" not in page else (
            f"{page}\n\nPresident Nixon: You read a great deal.\n\nChairman Mao: Yesterday you put a problem.\n\n"
            "President Nixon: I did.\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == [title]
    assert xp(root, "//t:text/@subtype") == [kind]
    assert len(xp(root, "//t:sp")) in (3, 4)


def test_a_sentence_about_a_press_conference_is_no_heading():
    text = ("Memorandum of Conversation between Gorbachev and Aziz\n\nGorbachev: Welcome.\n\n"
            "Aziz: At yesterday's press conference Baker put forward two theses.\n\n"
            "At yesterday's press conference Baker put forward two theses.\n\nGorbachev: Yes.\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == ["Memorandum of Conversation between Gorbachev and Aziz"]


def test_a_cables_memcon_marker_is_no_second_record_and_a_record_naming_nobody_is_valid(tmp_path):
    text = ("BEGIN TEXT:\n\nMEMORANDUM OF TELEPHONE CONVERSATION\n\nDATE: MAY 2, 1997\n\nTIME: 1430 EDT\n\n"
            "MEMCON\n1st DRAFT.\n\n"
            "3. THE DEPUTY SECRETARY, CALLING FROM ABOARD HIS AIRCRAFT, EXPRESSED HIS SURPRISE AT THE ELECTION.\n")
    result = encode(text)
    assert [len(d.tree.getroot().xpath("//t:text//t:head", namespaces=NS)) for d in result.documents] == [1]
    root = result.documents[0].tree.getroot()
    assert "MEMCON 1st DRAFT." in texts(root, "//t:body//t:p")
    for name, tree in result.files.items():
        tree.write(str(tmp_path / name))
    checked = Validator().run(sorted(tmp_path.iterdir()))
    assert len(checked.files) == 2 and checked.errors == [], checked.errors


def test_a_date_block_under_the_heading_with_misread_digits_and_the_place_in_lines_of_its_own():
    text = ("SECRET/SENSITIVE\n\nME MORANDUM OF CONVERSATION\n\nMonday, October 2C , 197S\n10:00 a.m. - 11:40 a.m.\n\n"
            "Great Hall of the People\nPeking, China\n\nPARTICIPANTS: Teng Hsiao-ping\nHenry A. Kissinger\n\n"
            "TENG: We welcome you.\n\nKISSINGER: Thank you.\n\nTENG: Good.\n")
    root = first(text)
    assert setting(root) == {"from": "1975-10-20T10:00:00", "to": "1975-10-20T11:40:00",
                             "place": "Great Hall of the People, Peking, China"}
    assert texts(root, "//t:opener/t:dateline") == ["Monday, October 2C , 197S", "10:00 a.m. - 11:40 a.m.",
                                                   "Great Hall of the People", "Peking, China"]
    assert [dict(d.attrib) for d in xp(root, "//t:opener/t:dateline/t:date")] == [
        {"when": "1975-10-20"},  # the time on the next line goes on the date printed above it
        {"from": "1975-10-20T10:00:00", "to": "1975-10-20T11:40:00"}]
    assert texts(root, "//t:notesStmt/t:note[@type='date']") == [
        "The date is printed \u201cOctober 2C , 197S\u201d, as OCR read it; the encoder reads it as 1975-10-20."]


@pytest.mark.parametrize("printed", ["May lO, 1991", "in May 12 ways 1000 said"])
def test_no_date_is_read_where_ocr_left_no_digit_to_go_on(printed):
    from edition.encode.dates import find_date
    assert find_date(printed) is None


FLAT_TELCON = (
    "Top Banner\n"
    ") SECRET LIMITED DISTRIBUTION 7479 THE WHITE HOUSE WASHINGTON MEt-10RANDUM OF TELEPHONE CONVERSATION "
    "SUBJECT: Telcon with Leonid Kravchuk, President of Ukraine PARTICIPANTS: DATE, TIME AND PLACE: The President "
    "Leonid Kravchuk, President Interpreter: Dimitri Zarechnak Notetaker: Nicholas Burns December 3, 1991, "
    "9:20 - 9:41am Oval Office The President: Leonid, can you hear me? (U) President Kravchuk: Mr. President, I greet "
    "you from Kiev. (U) The President: Good. We watched the vote with great interest. (U) President Kravchuk: Thank "
    "you, the people have spoken. (U) SECRET Declassify on: OADR\n\n"
    "Telcon with Leonid Kravchuk, President of Ukraine\n\nApr 28, 2022\n\nDownload\n")


def test_a_flattened_telcon_gives_its_heading_fields_and_turns_and_a_repeated_page_title_is_no_record():
    result = encode(FLAT_TELCON)
    assert len(result.documents) == 1
    root = result.documents[0].tree.getroot()
    assert texts(root, "//t:text//t:head") == ["MEt-10RANDUM OF TELEPHONE CONVERSATION"]
    assert setting(root) == {"from": "1991-12-03T09:20:00", "to": "1991-12-03T09:41:00",
                             "place": "Oval Office"}
    assert credits(root) == [("interpreter", "Dimitri Zarechnak"), ("notetaker", "Nicholas Burns")]
    assert [s.text for s in xp(root, "//t:speaker")] == ["The President:", "President Kravchuk:"] * 2
    assert "2022" not in "".join(xp(root, "//t:settingDesc//@*"))


def test_a_reading_rooms_page_title_and_metadata_are_front_matter_of_the_document_in_its_body():
    text = ("MEMORANDUM OF CONVERSATION\n\nDocument Type:\nCollection:\nDocument Number (FOIA):\nLOC-HAK-1-2-3\n"
            "Publication Date:\nJune 19, 1973\nBody:\n"
            "No Objection to Declassification in Part 2013/02/15 TOP SECRET MEMORANDUM OF CONVERSATION Simcha "
            "Dinitz, Israeli Ambassador Avner Idan, Minister DATE AND TIME: Tuesday, June 19, 1973 2:00 - 2:40 p.m. "
            "The Ambassador made the following presentation, on the basis of a cable he had just received from the "
            "Prime Minister. These are her remarks, after consultation with us, and we have succeeded in "
            "communicating them. First a couple of general remarks, then some specific remarks on the paper that "
            "Dr. Kissinger drafted.\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == ["MEMORANDUM OF CONVERSATION"]
    assert texts(root, "//t:front//t:p")[0] == "MEMORANDUM OF CONVERSATION"
    assert setting(root) == {"from": "1973-06-19T14:00:00", "to": "1973-06-19T14:40:00",
                             "place": None}


def test_ocr_without_punctuation_gives_header_fields_time_place_and_bare_labels():
    text = ("2395 THE WHITE HOUSE WASHINGTON MEMORANDUM OF CONVERSATION SUBJECT PARTICIPANTS The President "
            "Helmut Kohl Chancellor DATE TIME AND PLACE March 21 1992 11 50am - 4 00pm Camp David The President "
            "Helmut it is a pleasure to have you here We could start with our bilateral relationship U "
            "Chancellor Kohl Thank you for this hospitality George We appreciate this quiet talk U The President I "
            "think things will be alright U Chan\u00b7cellor Kohl Your concerns about the other man are justified "
            "But the voters will prefer Major\n")
    root = first(text)
    assert texts(root, "//t:text//t:head") == ["MEMORANDUM OF CONVERSATION"]
    assert setting(root) == {"from": "1992-03-21T11:50:00", "to": "1992-03-21T16:00:00",
                             "place": "Camp David"}
    assert [s.text for s in xp(root, "//t:speaker")] == ["The President", "Chancellor Kohl", "The President",
                                                        "Chan\u00b7cellor Kohl"]
    assert texts(root, "//t:sp[1]/t:p") == [
        "Helmut it is a pleasure to have you here We could start with our bilateral relationship U"]


def test_a_title_and_name_are_no_label_in_a_text_with_punctuation():
    text = ("MEMORANDUM OF CONVERSATION\n\nThe President: Helmut, welcome. We met Chancellor Kohl Tuesday.\n\n"
            "Chancellor Kohl: Thank you. Chancellor Kohl Thanks you.\n\nThe President: Good.\n")
    root = first(text)
    assert [s.text for s in xp(root, "//t:speaker")] == ["The President:", "Chancellor Kohl:", "The President:"]


HANSARD = (
    "\u00a7 Q4. Mr. Edward Fortescueasked the Minister of Transport how many level crossings were closed last year.\n"
    "\u00a7 Mr. Harold MarplesI have been asked to reply. Forty-two were closed.\n"
    "\u00a7 Mr. FortescueIs my right hon. Friend satisfied with that figure?\n"
    "\u00a7 Mr. MarplesNo, Sir.\n")


def test_a_parliaments_record_glues_the_members_name_to_the_speech():
    root = first(HANSARD)
    assert xp(root, "//t:text/@subtype") == ["minutes"]
    # the section mark and the question's number are the contribution's, not the member's name
    assert [s.text for s in xp(root, "//t:speaker")] == [
        "Mr. Edward Fortescue", "Mr. Harold Marples", "Mr. Fortescue", "Mr. Marples"]
    assert xp(root, "//t:sp/@rend") == ["section"] * 4 and xp(root, "//t:sp/@n") == ["Q4"]
    assert reading_text(xp(root, "//t:sp")[0]).split()[:3] == ["\u00a7", "Q4.", "Mr."]
    assert xp(root, "//t:speaker/@rend") == ["glued"] * 4
    assert texts(root, "//t:sp[1]/t:p") == [
        "asked the Minister of Transport how many level crossings were closed last year."]
    # "Mr. Fortescue" is the one speaker named in full with that surname: one person, not two
    assert xp(root, "//t:sp/@who") == ["#mr-edward-fortescue", "#mr-harold-marples"] * 2


def test_a_participants_list_without_its_label_before_the_date_field():
    text = ("88. Memorandum of Conversation, Beijing, February 21, 1972, 2:30-2:40 p.m.1\n\n[Page 1]\n\n"
            "SECRET/SENSITIVE\n\nDr. Henry A. Kissinger, Assistant to the President for National Security Affairs\n\n"
            "Winston Lord, NSC Staff\n\nPrime Minister Chou En-lai\n\nT\u2019ang Wen-Sheng, Interpreter\n\n"
            "Shih Yen-hua, Translator\n\n"
            "DATE & TIME: Monday, February 21, 1972 - 2:30-2:40 p.m.\n\n"
            "PM Chou: Chairman Mao would like to see the President.\n\nDr. Kissinger: Can I bring Winston Lord?\n\n"
            "PM Chou: Yes.\n")
    root = first(text)
    assert credits(root) == [("interpreter", "T\u2019ang Wen-Sheng"), ("translator", "Shih Yen-hua")]
    listed = [name for name, _role in people(root)]
    assert "Winston Lord" in listed and "Prime Minister Chou En-lai" in listed
    assert not any("SECRET" in name for name in listed)


def test_classification_marks_banners_and_page_numbers_are_furniture_not_speech():
    text = ("SECRET/SENSITIVE\n\nMEMORANDUM OF TELEPHONE CONVERSATION\n\nDATE: February 22, 1998\n\n"
            "The President: Hello? (U)\n\nPrime Minister Blair: Hello Bill. How are you? (U)\n\n"
            "The President: Fine. (S) Have you talked to Kofi?\n\n- 2 -\n\nSECRET\n\n"
            "Prime Minister Blair: E.O. 13526, section 1.4(b)(d)\n\n"
            "The Pr.esident: Well, I will tell you what I heard.\n\n\u00b7Prime Minister Blair: Good.\n\n"
            "Declassify on: OADR\n")
    root = first(text)
    assert texts(root, "//t:fw[@type='classification']") == ["SECRET/SENSITIVE", "(U)", "(U)", "(S)", "SECRET",
                                                              "Declassify on: OADR"]
    assert texts(root, "//t:fw[@type='pageNum']") == ["- 2 -"]
    assert xp(root, "//t:sp[4]/t:p/t:gap/@reason") == ["redacted"]  # the turn withheld: the reviewer's mark
    assert [s.text for s in xp(root, "//t:speaker")] == [
        "The President:", "Prime Minister Blair:", "The President:", "Prime Minister Blair:", "The Pr.esident:",
        "\u00b7Prime Minister Blair:"]
    assert len(set(xp(root, "//t:sp/@who"))) == 2  # "The Pr.esident" is the President
    assert not xp(root, "//t:sp//t:p[contains(., 'SECRET')]")


def test_footnote_marks_glued_to_words_point_to_the_numbered_footnotes_after_the_record():
    text = ("431. Memorandum of Conversation1\n\nThe President: I got your letter2 on Friday.\n\n"
            "Begin: Good. The G7 met in 1990.\n\nThe President: Fine.\n\nBegin: Yes.\n\n"
            "1. Source: Carter Library, Box 66. Secret. The meeting took place in the Oval Office.\n\n"
            "2. Dated March 5.\n")
    root = first(text)
    refs = xp(root, "//t:ref[@type='footnote']")
    assert [(r.text, r.get("rend"), r.get("target")) for r in refs] == [
        ("1", "plain", "#" + xp(root, "//t:note[@type='source']/@xml:id")[0]),
        ("2", "plain", "#" + xp(root, "//t:note[@type='footnote']/@xml:id")[0])]
    assert xp(root, "//t:note[@type='footnote']/@n") == ["2"]
    assert "G7" in texts(root, "//t:sp[2]/t:p")[0] and "1990" in texts(root, "//t:sp[2]/t:p")[0]


def test_glued_footnote_marks_of_an_excerpt_that_stops_before_its_footnotes_are_still_marks():
    """A documentary edition's superscripts read 1, 2, 3 ... once its page is copied as text; an excerpt often stops
    before the footnotes. The marks in that sequence are marks (pointing nowhere, as the header says); a digit
    out of it is the text's."""
    text = ("188. Transcript of a Telephone Conversation Between President Carter and Prime Minister Begin1\n\n"
            "The President: I got your letter2 on Friday. Room 1 is free.\n\n"
            "Begin: Good. Flight no.5 lands at 4:00 p.m.\n\n"
            "The President: Thursday3 or Friday.4 Fine.\n\nBegin: Yes.\n\n"
            "1. Source: Carter Library, Box 66. Secret.\n")
    root = first(text)
    refs = xp(root, "//t:ref[@type='footnote']")
    source = xp(root, "//t:note[@type='source']/@xml:id")[0]
    assert [(r.text, r.get("n"), r.get("target")) for r in refs] == [
        ("1", None, "#" + source), ("2", "2", None), ("3", "3", None), ("4", "4", None)]
    assert "no.5 lands" in texts(root, "//t:sp[2]/t:p")[0]
    note = texts(root, "//t:notesStmt/t:note[@type='footnotes']")
    assert len(note) == 1 and "(2, 3, 4)" in note[0]
    heading_only = first("4. Memorandum of Conversation1\n\nGromyko: Yes.\n\nKissinger: Good.\n")
    assert xp(heading_only, "//t:head/t:ref[@type='footnote']/@n") == ["1"]
    untitled = first("Memorandum of Conversation\n\nGromyko: I read it on page2 and page3.\n\nKissinger: Good.\n")
    assert not xp(untitled, "//t:ref") and not xp(untitled, "//t:notesStmt/t:note[@type='footnotes']")


def test_an_archives_description_of_the_document_in_brackets_is_the_editors_note_not_supplied_words():
    """A translation made for an archive describes stamps and signatures in brackets: fields parted by a semicolon,
    or a passage of ten words or more, are the editors' notes, and the words they supply inside them are supplied;
    a word or two in brackets completes the text."""
    text = ("Record of Conversation with Comrade Kim Il Sung\n\n[Party CC stamp; 12 JUNE 1969]\n\n"
            "Kim: We thank [the] Soviet comrades.\n\nSudarikov: Good.\n\nKim: Yes.\n\n"
            "[There is a stamp at the end of the first page stating that the department has been familiarized with "
            "[it] and some illegible signatures]\n")
    root = first(text)
    notes = xp(root, "//t:note[@type='editorial'][@place='inline']")
    assert ["".join(n.itertext()) for n in notes][:1] == ["Party CC stamp; 12 JUNE 1969"]
    assert len(notes) == 2 and xp(notes[1], "t:supplied/text()", ) == ["it"]
    assert texts(root, "//t:sp[1]//t:supplied") == ["the"]


def test_a_transcript_is_a_translation_only_where_someone_is_credited_with_translating_it():
    """A parliament's record in its own language is no translation: the header says what the source says."""
    original = first("Memorandum of Conversation\n\nSisco: Shall we begin?\n\nGromyko: Yes.\n")
    assert xp(original, "//t:sourceDesc/t:bibl/@type") == ["transcript"]
    translated = first("Memorandum of Conversation\n\nSisco: Shall we begin?\n\nGromyko: Yes.\n\n"
                       "[Source: Archive of the Foreign Ministry, Fond 1. Translated by Anna Lind.]\n")
    assert xp(translated, "//t:sourceDesc/t:bibl/@type") == ["translation"]


def test_an_office_with_a_comma_in_it_after_a_members_name():
    """France's Sénat prints a minister's office after the name, a comma within it ("secrétaire d'État auprès du
    Premier ministre, chargé des affaires européennes"), before the label's full stop and dash."""
    text = ("Questions orales\n\nM. le président. - La parole est à M. Paul Vigne.\n\n"
            "M. Paul Vigne . - Le contrat a-t-il été signé ?\n\n"
            "M. Jean Morel, secrétaire d'État auprès du Premier ministre, chargé des affaires européennes . - Il l'a "
            "été en 2011.\n\nM. Paul Vigne . - Je vous remercie.\n")
    root = first(text)
    assert [s.text for s in xp(root, "//t:speaker")] == [
        "M. le président. -", "M. Paul Vigne . -", "M. Jean Morel, secrétaire d'État auprès du Premier ministre, "
        "chargé des affaires européennes . -", "M. Paul Vigne . -"]


def test_a_title_written_short_before_a_name_is_no_label_of_its_own():
    """A hearing's list of senators, one a line ("SEN. ORRIN HATCH, R-UTAH"), under its title: "SEN." opens
    every line, and still names nobody; the speakers are the surnames that label the turns."""
    text = ("SENATE COMMERCE COMMITTEE HEARING ON THE NOMINATION OF ANNA REED\n\n"
            + "\n\n".join(f"SEN. {n}, R-IDAHO" for n in ("JOHN MARLOW", "PAUL ESTES", "RUTH KANE", "OTTO BELL"))
            + "\n\nMARLOW: Good morning. The committee will come to order.\n\nREED: Thank you, Mr. Chairman."
            "\n\nMARLOW: Please begin.\n\nREED: It is an honor to appear before the committee.\n")
    root = first(text)
    assert [s.text for s in xp(root, "//t:speaker")] == ["MARLOW:", "REED:", "MARLOW:", "REED:"]


def test_the_witnesses_of_a_hearing_listed_under_its_title_are_no_title():
    """A hearing's transcript as a newspaper posts it: its title, the day, its speakers and its witnesses, one a line
    after their field's name; the last witness's line is no title."""
    text = ("Turn on desktop notifications?\n"
            "SENATE COMMERCE COMMITTEE HEARING ON THE NOMINATION OF ANNA REED\nMARCH 14, 2017\n"
            "SPEAKERS: SEN. JOHN MARLOW, R-IDAHO, CHAIRMAN\nSEN. RUTH KANE, D-MAINE\n"
            "WITNESSES: ANNA REED, NOMINEE\nJUDGE PETER LANG, FORMER COLLEAGUE OF THE NOMINEE\n\n"
            "MARLOW: Good morning. The committee will come to order.\n\nREED: Thank you, Mr. Chairman.\n\n"
            "MARLOW: Please begin.\n\nREED: It is an honor to appear before the committee.\n")
    root = first(text)
    assert texts(root, "//t:titleStmt/t:title[@type='main']") == [
        "SENATE COMMERCE COMMITTEE HEARING ON THE NOMINATION OF ANNA REED"]
    assert xp(root, "//t:text/@subtype") == ["hearing"]


def test_names_in_context():
    text = ("Memorandum of Conversation between George H.W. Bush and Mikhail Gorbachev\n\n"
            "Bush: I met Raisa Gorbachev at George Washington University, and the Gorbachev Archive sent papers.\n\n"
            "Gorbachev: Good. George H.W. Bush agrees with President Gorbachev.\n\nBush: Fine.\n")
    result = encode(text)
    root = result.documents[0].tree.getroot()
    tagged = [("".join(e.itertext()), e.get("ref")) for e in xp(root, "//t:body//t:p//t:persName")]
    assert tagged == [("George H.W. Bush", "#bush"), ("Gorbachev", "#gorbachev")]
    assert texts(root, "//t:head/t:persName") == ["George H.W. Bush", "Mikhail Gorbachev"]
    assert any("'Raisa Gorbachev' not tagged" in m.text for m in result.report.messages)


def test_a_given_name_before_another_surname_is_not_the_registrys_person():
    """The registry knows Helmut Kohl by his given name ("Helmut, how are you?"); "Helmut Brandt" is someone
    else, and "Mikhail Sergeyevich" still Gorbachev (a patronymic follows a given name)."""
    text = ("Memorandum of Conversation between Helmut Brandt and Mikhail Sergeyevich\n\n"
            "Brandt: Good day.\n\nGorbachev: Helmut, welcome.\n\nBrandt: Thank you.\n")
    root = encode(text).documents[0].tree.getroot()
    assert [(t, e.get("ref")) for e in xp(root, "//t:head/t:persName") if (t := "".join(e.itertext()))] == [
        ("Brandt", "#brandt"), ("Mikhail", "#gorbachev")]
    assert xp(root, "//t:sp[2]//t:persName/@ref") == ["#kohl"]


def test_a_label_with_another_forename_is_not_the_registrys_person_of_that_surname():
    """The registry knows Tariq Aziz; a Brazilian senator labelled "O SR. OMAR AZIZ" is someone else (a provisional
    person, reported), while "Aziz", "T. Aziz" and "Foreign Minister Aziz" are still Tariq Aziz."""
    text = ("ATA DA REUNIÃO\n\nO SR. PRESIDENTE (Rodrigo Pacheco. PSD - MG) – Está aberta a sessão.\n\n"
            "O SR. OMAR AZIZ (PSD - AM) – Sr. Presidente, peço a palavra.\n\n"
            "O SR. PRESIDENTE (Rodrigo Pacheco. PSD - MG) – Com a palavra.\n\nO SR. OMAR AZIZ (PSD - AM) – Obrigado.\n")
    result = encode(text)
    root = result.documents[0].tree.getroot()
    assert "#aziz" not in xp(root, "//t:sp/@who") and len(set(xp(root, "//t:sp/@who"))) == 2
    assert not xp(root, "//t:person[@sameAs='#aziz']")
    assert any("forename OMAR" in m.text for m in result.report.messages)
    text = "Memorandum of Conversation\n\nT. Aziz: Good.\n\nGorbachev: Yes.\n\nForeign Minister Aziz: Fine.\n"
    assert xp(first(text), "//t:sp/@who") == ["#aziz", "#gorbachev", "#aziz"]


def test_initial_labels_resolve_through_the_heading_and_a_page_glued_to_a_label():
    text = ("93. Transcript of a Telephone Conversation Between Secretary of State Rogers and the President\u2019s "
            "Assistant for National Security Affairs (Kissinger)1\n"
            "R: Hello Henry. K is here.\nK: Who saw me?\n[Page 283]R: Dobrynin saw you.\nK:\u2026 But then I "
            "talked to him.\nR: OK.\n")
    result = encode(text)
    root = result.documents[0].tree.getroot()
    assert [s.text for s in xp(root, "//t:speaker")] == ["R:", "K:", "R:", "K:", "R:"]
    assert xp(root, "//t:sp/@who") == ["#secretary-of-state-rogers", "#kissinger"] * 2 + ["#secretary-of-state-rogers"]
    assert xp(root, "//t:sp[3]/t:pb[following-sibling::t:speaker]/@n") == ["283"]
    assert not xp(root, "//t:body//t:p//t:persName")  # the provisional "K" names nobody in the text
    assert any("'R:' taken as Secretary of State Rogers" in m.text for m in result.report.messages)


@pytest.mark.parametrize(("first_label", "second", "printed"), [
    ("Chebrikov [KGB chairman].", "Gorbachev.",
     ["Chebrikov [KGB chairman].", "Gorbachev.", "Chebrikov [KGB chairman]."]),
    ("[M.S. GORBACHEV.]", "BUSH.", ["[M.S. GORBACHEV.]", "BUSH.", "[M.S. GORBACHEV.]"]),
    ("The President (spoke in Arabic):", "Bush:", ["The President (spoke in Arabic):", "Bush:",
                                                   "The President (spoke in Arabic):"]),
    ("3Bush:", "4Gorbachev:", ["Bush:", "Gorbachev:", "Bush:"]),
])
def test_more_label_forms(first_label, second, printed):
    text = (f"Memorandum of Conversation between Gorbachev and Bush\n\n{first_label} We must talk.\n\n"
            f"{second} Yes.\n\n{first_label} Good.\n")
    root = first(text)
    speakers = xp(root, "//t:speaker")
    assert [reading_text(s).strip() for s in speakers] == printed
    assert xp(root, "//t:sp[1]/@who") == xp(root, "//t:sp[3]/@who") != xp(root, "//t:sp[2]/@who")
    if first_label[0].isdigit():  # a paragraph number glued to the label is the turn's number, printed glued
        assert xp(root, "//t:sp/@n") == ["3", "4", "3"] and set(xp(root, "//t:sp/@rend")) == {"glued"}
        assert reading_text(xp(root, "//t:sp")[0]).split()[0] == "3Bush:"


@pytest.mark.parametrize(("dateline", "expected"), [
    ("DATE: 2-3 December 1989", {"from": "1989-12-02", "to": "1989-12-03"}),
    ("DATE: December 2\u20133, 1989", {"from": "1989-12-02", "to": "1989-12-03"}),
    ("DATE: 20.06.1971", {"when": "1971-06-20"}),
    ("DATE: January 5, 1989 [Misdated '1988' in original document]", {"when": "1989-01-05"}),
])
def test_ranges_of_days_numeric_dates_and_a_misdating_note(dateline, expected):
    text = f"Memorandum of Conversation\n\n{dateline}\n\nBush: Hello.\n\nKohl: Hi.\n\nBush: Good.\n"
    root = first(text)
    assert {k: v for k, v in setting(root).items() if k != "place"} == expected
    if "Misdated" in dateline:
        assert texts(root, "//t:note[@place='inline']") == ["Misdated '1988' in original document"]


def test_a_heading_split_by_a_blank_line_and_two_participants_on_one_line():
    root = first("Memorandum of Conversation between Mikhail Gorbachev and\n\nJohn Major\n\n"
                 "PARTICIPANTS: The President and Chancellor Kohl\nBrent Scowcroft, notetaker\n\n"
                 "Gorbachev: Hello.\n\nMajor: Hi.\n\nGorbachev: Good.\n")
    assert texts(root, "//t:text//t:head") == ["Memorandum of Conversation between Mikhail Gorbachev and John Major"]
    names = [name for name, _role in people(root)]
    assert "The President" in names and "Chancellor Kohl" in names
    assert "The President and Chancellor Kohl" not in names


def test_a_memorandum_of_conversation_whose_heading_ends_on_a_footnote_mark_is_a_meeting_whoever_asks():
    """The heading names the kind of record (FRUS glues its source note's mark to it): turns in which one side asks
    and the other answers at length do not make the record an interview."""
    answer = "Well, the position of the government is that the talks must go on, and that we will support them. " * 3
    text = ("202. Memorandum of Conversation1\n\nKissinger: What do you think of the talks?\n\n"
            f"Crosland: {answer}\n\nKissinger: And the timetable?\n\nCrosland: {answer}\n\n"
            "Kissinger: Who else will attend?\n\nCrosland: " + answer + "\n")
    root = first(text)
    assert xp(root, "//t:text/@subtype") == ["meeting"]
    assert texts(root, "//t:text//t:head") == ["202. Memorandum of Conversation1"]  # as printed


def test_an_answers_mark_once_in_a_record_that_asks_nothing_is_a_lettered_item_not_a_turn():
    """A documentary edition letters the one item of a sitting's course ``A.`` and marks where it begins ``[A.]``;
    in a record whose paragraphs never open with a question's mark, that letter is no answer's label. (A court's
    ``Q.`` and ``A.`` under numbered lines are the other case: see court-numbered-lines.txt.)"""
    text = ("Fraktionssitzung am 3. Juni 1974\n\nSitzungsverlauf:\n\n"
            "A. Einziger Tagesordnungspunkt: Bericht über die Beratungen im Ausschuss.\n\n[A.]\n\n"
            "Kranz: Die Sitzung ist eröffnet. Ich gebe das Wort an Lindner.\n\n"
            "Lindner: Der Ausschuss hat gestern beraten und empfiehlt die Annahme.\n\n"
            "Kranz: Danke. Die Sitzung ist geschlossen.\n")
    root = first(text)
    assert texts(root, "//t:text//t:speaker") == ["Kranz:", "Lindner:", "Kranz:"]
