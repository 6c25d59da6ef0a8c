"""Transcripts of every genre and language the encoder reads, one fixture of our own per convention
(``fixtures/genres/``, written in the styles the corpora show): each is read as an editor reads it (kind of
record, title, date and time, place, credits, speaker labels as printed, events in the room, language), loses no
word, and is valid against the edition's schema and rules."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from lxml import etree

from edition.conventions import TEI_NS
from edition.encode import Registry, encode_file, encoding_report, encoding_report_page, verify_lossless
from edition.encode.files import write
from edition.validate import Validator

FIXTURES = Path(__file__).parent / "fixtures" / "genres"
NS = {"t": TEI_NS}

#: What a careful editor reads in each fixture. ``title``: the title, or the words it must hold; ``head``: the
#: whole heading, where its line runs on into fields; ``labels``: every speaker label in order, as printed;
#: ``events``: the events in the room, as printed inside their brackets; ``end``: the time the record ended, as its
#: closing words say.
EXPECTED = {
    "hearing-us-senate.txt": dict(
        kind="hearing", lang="en", date="1987-03-05", time="10:05", end="11:37", title="HEARING",
        labels=["The CHAIRMAN.", "Senator GRANT.", "The CHAIRMAN.", "Ms. MARSH.", "The CHAIRMAN.", "Senator VANE.",
                "Ms. MARSH."], events=["Laughter.", "Whereupon, at 11:37 a.m., the hearing was adjourned."]),
    # a hearing's excerpt as a page posts it: "Transcript:" (the page's word) before the title, labels with a party
    # alone on their line over the speech
    "hearing-excerpt-page.txt": dict(
        kind="hearing", lang="en", date="2011-03-03",
        title="Transcript: Sen. Laura Finch’s exchange with Commerce Secretary Paul Grady on export controls",
        labels=["Sen. Laura Finch (D-Ohio):", "Commerce Secretary Paul Grady:", "Sen. Laura Finch (D-Ohio):"]),
    # an interview's title page as fields, one a line, before the transcript (the interviewer's, her role's, the
    # programme's): fields, no speakers; the turns are the bold names alone on their lines
    "entrevista-estudiantil-md.txt": dict(
        kind="interview", lang="es", credits=[("interviewer", "Marta Ibarra")],
        labels=["MARTA:", "LUCÍA:"] * 3),
    "oral-history-interview.txt": dict(
        kind="interview", lang="en", date="1998-06-03", title="Oral History Interview with Ruth Calder",
        place="Springfield, Illinois", credits=[("interviewer", "Daniel Price")],
        labels=["DP:", "RC:", "DP:", "RC:", "DP:", "RC:"], events=["laughs"]),
    # an oral history's title page: the program and the project it belongs to above the transcript's title, the
    # interviewee, "Interviewed by", a town and its state and the day parted by a dash
    # an oral history made into text from its PDF's pages: each page's running head (the title) and foot (the
    # museum's reference and "Page 2 of 31") between the turns, the page's furniture, never a speaker or the title;
    # the interviewee's first label her name in full with the name she goes by in parentheses, "Margaret (Peg)
    # Lindqvist:", the one speaker of "Lindqvist:"
    "oral-history-running-foot.txt": dict(
        kind="interview", lang="en", date="2011-03-03", title="Oral History of Margaret (Peg) Lindqvist",
        place="Palo Alto, California", credits=[("interviewer", "Samuel Ortega")],
        labels=["Ortega:", "Margaret (Peg) Lindqvist:", "Ortega:", "Lindqvist:", "Ortega:", "Lindqvist:", "Ortega:",
                "Lindqvist:"], speakers=2,
        running=["Oral History of Margaret (Peg) Lindqvist",
                 "Museum Ref: 102.2011 © 2011 Northbay Science Museum Page 2 of 31",
                 "Oral History of Margaret (Peg) Lindqvist",
                 "Museum Ref: 102.2011 © 2011 Northbay Science Museum Page 3 of 31"]),
    # a witness interview's running foot in German, its page among the total in the language's words ("Seite 2 von
    # 14"): the page's, not the speech's
    "zeitzeugen-seitenfuss-de.txt": dict(
        kind="interview", lang="de", date="2004-05-14", title="Zeitzeugeninterview mit Hildegard Brenner",
        place="Leipzig", labels=["Seidl:", "Brenner:", "Seidl:", "Brenner:", "Seidl:", "Brenner:"],
        running=["Stadtarchiv Leipzig, Zeitzeugenprojekt – Seite 2 von 14",
                 "Stadtarchiv Leipzig, Zeitzeugenprojekt – Seite 3 von 14"]),
    "oral-history-title-page.txt": dict(
        kind="interview", lang="en", date="2011-04-14", main="Edited Oral History Transcript", place="Denver, CO",
        credits=[("interviewer", "Thomas Brandt")], labels=["Brandt:", "Osei:", "Brandt:", "Osei:", "Brandt:"]),
    # a bilingual parliament's debates in French: the heading's lines end with the one who presides, a name and
    # an office after a comma ("L'honorable Daniel R. Hays, Président"), never the place of the sitting
    "debats-senat-ca.txt": dict(
        kind="debate", lang="fr", date="2005-11-08", time="14:00", place=None, title="Débats du Sénat (hansard)",
        labels=["L'honorable Marie Tremblay:", "Son Honneur le Président:", "L'honorable Paul Gagnon:",
                "Son Honneur le Président:"]),
    # a state legislature's hearing as its court reporter prints it, every line numbered: a title page whose title
    # is wrapped over a numbered blank line ("PUBLIC HEARING ON" / "5" / "RURAL HOSPITAL CLOSURES"), an index of the
    # witnesses (each name with its pages, the witness's role under it: never a speaker), then the turns
    "hearing-court-reporter.txt": dict(
        kind="hearing", lang="en", date="2015-04-09", time="10:00", title="PUBLIC HEARING ON RURAL HOSPITAL CLOSURES",
        labels=["SENATOR BROOK:", "MS. CALLOWAY:", "SENATOR BROOK:", "DR. HADDAD:", "SENATOR ORTIZ:", "DR. HADDAD:"]),
    # a state legislature's roundtable as its court reporter sets it: the title page numbered every other line (the
    # lines between are the numbered line's), the venue's address with its street, postal code and room above the
    # date, the fields of who presides and who attends over names, a witness index whose offices are no labels;
    # the text double-spaced, a name and a full stop inside a sentence ("my name is" over "Senator Carol Pruitt.")
    "roundtable-state-senate.txt": dict(
        kind="hearing", lang="en", date="2016-10-14", time="13:30",
        place="Lakeview Community Center",
        title="ROUNDTABLE DISCUSSION HELD BY THE STATE SENATE SELECT COMMITTEE ON FLOOD RECOVERY",
        labels=["SENATOR PRUITT:", "MR. LINDQVIST:", "SENATOR OKAFOR:", "MR. LINDQVIST:", "SENATOR PRUITT:",
                "MS. RUIZ:"]),
    # the same presidency's stenographic version as its site sets it, one paragraph a line: its title in sentence
    # case (the kind of record named in lower case), a rule over each speaker's name alone in capitals, each once
    "version-estenografica-reglas-mx.txt": dict(
        kind="press", lang="es", date="2021-03-12",
        title="Versión estenográfica de la conferencia de prensa del presidente Méndez Rivas en Tampico",
        labels=["PRESIDENTE ARTURO MÉNDEZ RIVAS", "PREGUNTA", "CLAUDIA RUEDA SALINAS, SECRETARIA DE COMUNICACIONES"]),
    # an interview saved from a web page as Markdown: each label in bold ("**Claire :**"), a space before the colon;
    # a word in bold inside the speech is no label
    # an interview as a Hugo site's Markdown prints it: each label in bold italics, its colon inside the marks
    # ("***Piotr Zieliński:***"), the full names first and then the initials; the interviewer named in a heading,
    # and the interpreter ("Tłumacz", as Polish names both who interprets and who translates: at a spoken
    # exchange, the interpreter)
    "wywiad-markdown-pl.txt": dict(
        kind="interview", lang="pl", title="Wywiad z Anną Kowalczyk",
        credits=[("interviewer", "Piotr Zieliński"), ("interpreter", "Ewa Nowak")],
        labels=["Piotr Zieliński:", "Anna Kowalczyk:", "PZ:", "AK:", "PZ:", "AK:"]),
    # an interview as a transcription program exports it to Markdown: each speaker's role a heading of its own over
    # their words, without a colon, the same heading again where a speaker goes on ("### Interviewer" twice)
    "interview-koppen-md-nl.txt": dict(
        kind="interview", lang="nl",
        labels=["Interviewer", "Respondent", "Interviewer", "Interviewer", "Respondent", "Interviewer",
                "Respondent"]),
    # a thesis interview's form in Markdown: its facts as bold fields (the duration and the mode of the interview
    # fields like the date, place and hours, no speakers), then the interviewer and the participant's code in bold,
    # once with a remark in parentheses ("E3 (aclaración):", the same speaker)
    "entrevista-ficha-md-es.txt": dict(
        kind="interview", lang="es", date="2025-10-02", time="16:00", end="16:40", place="Asunción",
        labels=["ENTREVISTADORA:", "E3:", "ENTREVISTADORA:", "E3:", "E3 (aclaración):"], speakers=2),
    # a qualitative interview's transcript as social scientists type it: a key to its labels above the text
    # ("I: Interviewerin, B: Befragte"), which is no turn, then the short labels with each turn's time stamp
    "interview-legende-de.txt": dict(
        kind="interview", lang="de", date="2022-02-28", labels=["I:", "B:", "I:", "B:"]),
    # an interview whose interviewer presents more than he asks: its labels name the interviewer's role, which says
    # what the record is
    "evaluatie-interviewer-nl.txt": dict(
        kind="interview", lang="nl", labels=["Interviewer:", "Projectleider:"] * 3),
    # an interview kept in a documentation site's Markdown: the front matter's nested history of the file
    # ("history:" over "v1:" over "date: ...", when the file was made) dates the file, not the interview, which the
    # body dates ("Datum: 28.02.2022")
    "experteninterview-frontmatter-de.txt": dict(
        lang="de", date="2022-02-28", title="Interview Transkript", labels=["I:", "B:", "I:", "B:"]),
    "entretien-markdown-fr.txt": dict(
        kind="interview", lang="fr", date="2023-11-14", place="Lyon",
        title="Entretien du Premier ministre avec Radio Centre",
        labels=["Claire :", "Hugo :", "Premier ministre :", "Claire :", "Premier ministre :"]),
    # a newspaper's interview as its site prints it: the interviewee named in full before a dash once, then by her
    # initials ("CMR -") under each question the word "PERGUNTA -" marks, two lines to a paragraph; the page's photo
    # credit ("Foto: ...") is no speaker
    "entrevista-iniciais-pt.txt": dict(
        kind="interview", lang="pt", date="2011-01-05",
        title="Leia a íntegra da entrevista de Carla Mendes Ribeiro, depois de nomeada ministra",
        labels=["Carla Mendes Ribeiro -", "PERGUNTA -", "CMR -", "PERGUNTA -", "CMR -", "PERGUNTA -", "CMR -"]),
    # a police deposition as a news page prints it: the headline names the kind of record, the page's summary above
    # the statement (one long paragraph of prose), and its links under "Leia também:" among the statement's
    # paragraphs (a series' headline and a colon is no speaker); nobody's label: the statement is the record's
    "depoimento-pagina-pt.txt": dict(
        kind="hearing", lang="pt", date="2021-09-14",
        title="Jornal publica íntegra do depoimento de Paulo Almeida à Polícia Federal", labels=[]),
    # a German parliament's record of the 1980s, its question time's contents above the sitting: under "Inhalt:"
    # the questions and who answered on which page ("Antw PStSekr Dr. Berger BMV . 711 A, B, C," its pages going
    # on on the next line; "717*B" in the annex), never the title nor speakers; the sitting's own dateline wins over
    # the date of a printed paper in the contents; the hour the sitting began parts the heading from its first turn
    "plenarprotokoll-fragestunde-de.txt": dict(
        kind="debate", lang="de", date="1983-06-09", time="09:00", title="Plenarprotokoll 10/12",
        labels=["Vizepräsident Albers:"]),
    # a Polish committee's proceedings as its published record sets them: each label alone on its line, a member
    # with a title and a party, a guest with the office first, a comma and a title written short ("Przedstawiciel
    # Prezydenta RP, prof. Anna Nowicka", "Ekspert Komisji, dr Tomasz Wrona"); the day's proceedings its title
    "obrady-komisji-pl.txt": dict(
        kind="meeting", lang="pl", date="1996-03-14", title="Obrady w dniu 14 marca 1996 r.",
        labels=["Poseł Marek Zieliński (PSL)", "Przedstawiciel Prezydenta RP, prof. Anna Nowicka",
                "Poseł Marek Zieliński (PSL)", "Ekspert Komisji, dr Tomasz Wrona", "Senator Ewa Kowalczyk (NSZZ „S”)"]),
    # an international tribunal's transcript, its lines numbered: the court's notes in brackets, that the session is
    # open, that the accused entered, that a speech is heard through the interpreters, are events of the hearing,
    # never words the editors supplied
    "tribunal-interpretation.txt": dict(
        kind="trial", lang="en", date="2003-03-03", time="09:05",
        labels=["JUDGE HALVORSEN:", "THE REGISTRAR:", "JUDGE HALVORSEN:", "THE ACCUSED PETEK:", "JUDGE HALVORSEN:"],
        events=["Open session", "The accused entered court", "Interpretation"]),
    # a presidential tape's transcript with no heading of its kind and no labels: the speech's words ("I was just
    # sitting here") name no kind of record (a sitting of parliament is one only as a title names it)
    "tape-transcript-sitting.txt": dict(kind="other", lang="en", labels=[]),
    # a Ukrainian parliamentary committee's stenogram: a committee's sitting (a meeting, not the plenary's debate),
    # each member by surname in capitals and initials, the typist's slips kept as printed (the speech glued to the
    # initials, a second full stop), and the voice from the floor ("ГОЛОС ІЗ ЗАЛУ."), which is a speaker too
    "stenohrama-komitetu-uk.txt": dict(
        kind="meeting", lang="uk", date="2021-04-14",
        labels=["БАБАК С.В.", "ГОЛОС ІЗ ЗАЛУ.", "БАБАК С.В.", "ГРИЦЕНКО О.О..", "БАБАК С.В."]),
    # a criminal court's transcript for readers who do not see the video: the transcriber's audio description in the
    # form of a label ("AUDIO DESCRIPTION: Juror exits the robing room.") describes the room, it is no speaker
    "trial-audio-description.txt": dict(
        kind="trial", lang="en", date="2024-04-22",
        labels=["THE COURT:", "MR. ALVAREZ:", "THE COURT:", "THE JUROR:", "MS. GRANT:"]),
    # the same parliament's question period as a corpus of its debates sets it, a line to a paragraph: each member
    # named "L'honorable" with an office in parentheses, a space before the colon, alone on the line; a member who
    # rises and yields the floor at once has a turn of no words; the typesetting's apostrophes vary
    "periode-questions-senat-ca.txt": dict(
        kind="debate", lang="fr", date="2006-06-14", time="13:30", place=None,
        labels=["L'honorable Claire Dubois (leader adjointe du gouvernement) :", "Son Honneur le Président :",
                "L'honorable Robert Morin (leader de l'opposition) :",
                "L'honorable Claire Dubois (leader adjointe du gouvernement) :", "L’honorable Jean-Guy Ouellet :",
                "L'honorable Claire Dubois (leader adjointe du gouvernement) :", "L'honorable Jean-Guy Ouellet :"],
        speakers=4),  # (a name typed with either apostrophe is one person)
    # the same parliament in English, its masthead set without blank lines: the debates' name, their session and
    # issue, the day and who presides (never the title), then the order of business (an item that mentions a
    # sitting in passing is no title)
    "senate-debates-ca-en.txt": dict(
        kind="debate", lang="en", date="2005-11-08", time="14:00", place=None,
        title="Debates of the Senate (Hansard)",
        labels=["Hon. Joan Carter (Deputy Leader of the Government) :", "The Hon. the Speaker :",
                "Hon. Peter Lowell :"]),
    # a German parliament's sitting as its printed record opens (1950s): the page's running head, the sitting's
    # number and day, its table of contents set line by line without blank lines, then the sitting
    "sitzung-inhalt-de.txt": dict(
        kind="debate", lang="de", date="1953-03-12", time="09:02", title="57. Sitzung",
        labels=["Präsident Dr. Köhler:", "Wendt (SPD):", "Dr. Albers (CDU):", "Präsident Dr. Köhler:"],
        events=["Zuruf von der CDU: Seit vier!"]),
    # an engineering society's oral history: a table of contents and a biography before the transcript, a line
    # that names the interviewee and how the record came to be ("ADA LINDGREN: An Interview Conducted by ...",
    # a citation's line, no speech), the fields of the interview in capitals, labels alone on their lines
    "oral-history-citation-line.txt": dict(
        kind="interview", lang="en", date="2009-03-12", place="Uppsala, Sweden",
        credits=[("interviewer", "Martin Fell")], only_credits=True, withheld=["email"],
        labels=["Interviewer:", "Ada Lindgren:", "Interviewer:", "Ada Lindgren:"]),
    # an oral history archive's page: its catalogue's fields set as a list, the interviewers listed under their field
    "oral-history-catalogue-list.txt": dict(
        kind="interview", lang="en", date="2016-03-03", place="Ames, Iowa", credits=[("interviewer", "Peter Okafor")],
        labels=["Peter Okafor:", "Ruth Lindahl:", "PO:", "RL:"]),
    # a broadcast's transcript as its transcription service prints it: the programme over its date, its guests
    # (each under GUESTS:, never a title) and moderator as fields, the service's running head with its telephone
    # numbers, the host's label with her role after a comma
    "broadcast-panel.txt": dict(
        kind="interview", lang="en", date="2009-03-08", title="SUNDAY ROUNDTABLE",
        credits=[("interviewer", "LUCY HALL")],
        labels=["LUCY HALL, host:", "Governor BERG:", "HALL:", "Governor BERG:"]),
    # a role that a header names as a field ("Interviewer: Grace Mbeki") labels turns too, again and again
    # an interview study's transcript: the participant known by a number (as studies anonymise them, and as
    # transcription software names the voices, "Speaker 1:")
    "user-study-interview.txt": dict(
        kind="interview", lang="en", date="2023-03-14",
        labels=["Interviewer:", "Participant 7:"] * 3 + ["Interviewer:"]),
    "oral-history-role-labels.txt": dict(
        kind="interview", lang="en", date="1987-05-14", credits=[("interviewer", "Grace Mbeki")],
        labels=["INTERVIEWER:", "LIND:", "INTERVIEWER:", "LIND:"]),
    # a parliament's record on a monitoring site's page: the site's catalogue fields (Hansard:, House:) and tabs
    # above the record's own heading in capitals, its room and day under "UNREVISED HANSARD" (a heading over the
    # room and the day, not a speaker), a rule under each
    "hansard-unrevised-za.txt": dict(
        kind="debate", lang="en", date="2018-09-14", time="10:00", main="PROCEEDINGS OF THE NATIONAL ASSEMBLY",
        labels=["Mr T B DLAMINI:", "The SPEAKER:", "Ms R K NAIDOO:", "The SPEAKER:"]),
    # an office's page: its title over the same title in capitals wrapped after words that cannot end it ("DEL"
    # over "PRESIDENTE DEL CONSIGLIO": one heading, no speaker), a meeting with journalists a press conference
    "incontro-giornalisti-it.txt": dict(
        kind="press", lang="it", date="2012-03-14",
        main="INCONTRO DEL PRESIDENTE DEL CONSIGLIO CON I GIORNALISTI AL TERMINE DEL VERTICE",
        labels=["Domanda", "Presidente", "Domanda", "Presidente"]),
    # a record of conversation as a web page gives it, one paragraph a line: a participant the list names speaks
    # once, a turn of their own all the same
    "memcon-single-newlines.txt": dict(
        kind="meeting", lang="en", labels=["Harlan:", "Moreau:", "Harlan:", "Vasquez-Lindqvist:", "Moreau:",
                                           "Harlan:"]),
    # a trial before a French court as its record prints it: the public prosecutor's office with its elided article
    # ("M. l’Avocat général. —", a curly apostrophe) among the president's and counsel's labels
    "cour-assises-fr.txt": dict(
        kind="trial", lang="fr", labels=["M. le Président. —", "M. l’Avocat général. —", "M. le Président. —",
                                         "Me Durand. —", "M. le Président. —"]),
    "plenarprotokoll-de.txt": dict(
        kind="debate", lang="de", date="1991-10-03", time="09:01", end="12:21", title="42. Sitzung", place="Berlin",
        labels=["Präsidentin Dr. Anna Lindner:", "Martin Vogel (SPD):", "Vizepräsident Hans Krämer:",
                "Eva Brandt (CDU/CSU):"],
        events=["Beifall bei der SPD", "Zuruf von der CDU/CSU: Das stimmt doch nicht!", "Heiterkeit bei der SPD",
                "Schluss: 12.21 Uhr"]),
    # a space mission's air-to-ground transcript: each transmission under its elapsed time in brackets on a line
    # of its own (the turn's time, never a word the editors supplied), the crew's roles as labels, one role's
    # transmissions one after another, a call in capitals ("MARK.") after its label
    "air-to-ground-log.txt": dict(
        kind="other", lang="en", time=None,
        labels=["LCC:", "LCC:", "LCC:", "CDR:", "CDR:", "CC:", "CC:", "CDR:"],
        stamps=["[-00:00:00:06]", "[-00:00:00:03]", "[00:00:00:01]", "[00:00:00:02]", "[00:00:00:04]",
                "[00:00:00:09]", "[00:00:01:58]", "[00:00:02:00]"]),
    # a Bundestag record as its PDF's text gives it: the running head of each page ("Deutscher Bundestag – 19.
    # Wahlperiode – 12. Sitzung. Berlin, Mittwoch, den 7. März 2018 902") among the speeches, the dateline again
    # before the opening: the day's full stop ("den 7.") never closes a label
    "plenarprotokoll-seitenkopf-de.txt": dict(
        kind="debate", lang="de", date="2018-03-07", time="13:00", place="Berlin",
        labels=["Präsident Dr. Karl Weber:", "Dr. Lena Hartmann, Bundesministerin für Bildung:",
                "Präsident Dr. Karl Weber:", "Jonas Berg (FDP):"], events=["Beifall bei der CDU/CSU"]),
    # a chamber's shorthand notes as its web page prints them: the page's head (the chamber, the day of the
    # session, "Notas Taquigráficas") again where a page ends, inside a speech: never a speaker
    "notas-taquigraficas-br.txt": dict(
        kind="debate", lang="pt", date="2024-04-02", time="14:02",
        labels=["O SR. PRESIDENTE (Carlos Mendes. PSD - MG) -",
                "A SRA. ANA RIBEIRO (PT - BA. Sem revisão da oradora.) -",
                "O SR. PRESIDENTE (Carlos Mendes. PSD - MG) -",
                "O SR. PEDRO ALVES (PL - SP. Sem revisão do orador.) -"]),
    # a French chamber's debate of the 1870s as OCR reads its columns: labels "M. X." (a title, a name, a full
    # stop) run on after the sentence or the interjection before them ("(Mouvements divers.) M. Delorme.",
    # "aujourd'hui!M. le président."), a member's speech that opens with a quotation, and the benches speaking as
    # one ("A droite.", "Au centre."); its table of contents ("SOMMAIRE" over its items) holds no title
    # a user study's interview as Markdown notes: the one interviewed named by a field ("Interviewte:"), a table of
    # their traits, the questions as headings and the answers as quotations: an interview, though its answers speak
    # of a "Sitzung" and a "Prozess" (a sitting's and a trial's words)
    "nutzerstudie-interview-md-de.txt": dict(kind="interview", lang="de", labels=[], participants=["Kolibri"]),
    # an interview's data as Markdown sets them, each field's name in bold with its colon inside the asterisks
    # ("**Local:** Biblioteca Municipal, Viseu, Portugal"): the interviewer a credit, the one interviewed listed; an
    # interview, though its title speaks as a meeting does ("À conversa com ...")
    "entrevista-metadados-md-pt.txt": dict(
        kind="interview", lang="pt", date="2023-03-12", place="Biblioteca Municipal, Viseu, Portugal",
        credits=[("interviewer", "Inês Barbosa Lopes")], participants=["Rui Tavares Pinto"],
        labels=["Pergunta:", "Resposta:"] * 2),
    "chambre-ocr-fr.txt": dict(
        kind="debate", lang="fr", date="1879-01-14", title="CHAMBRE DES DÉPUTÉS",
        labels=["M. le président.", "M. le président.", "M. Delorme.", "M. le président.", "M. Delorme.",
                "M. le président.", "A droite.", "M. Bastide.", "M. le président.", "Au centre.", "M. Delorme."],
        events=["Mouvements divers.", "Très bien ! très bien ! à droite."]),
    "senat-fr.txt": dict(
        kind="debate", lang="fr", date="1968-05-09", time="15:30", end="18:05", title="Séance du jeudi 9 mai 1968",
        labels=["M. le président. -", "M. Jean Morel . -", "Mme Claire Dubois, ministre de l'agriculture . -",
                "M. le président. -", "M. Jean Morel . -"],
        events=["Applaudissements sur les travées du groupe socialiste", "Exclamations sur plusieurs travées"]),
    "congreso-es.txt": dict(
        kind="debate", lang="es", date="2001-04-12", time="10:05", title="Sesión plenaria núm. 12",
        labels=["El señor PRESIDENTE:", "La señora GARCÍA LÓPEZ:", "El señor PRESIDENTE:", "El señor RUIZ MARTÍN:",
                "El señor PRESIDENTE:"], events=["Aplausos.", "Rumores."]),
    "camera-it.txt": dict(
        kind="debate", lang="it", date="2004-04-06", time="09:35", end="13:05",
        title="Seduta n. 12 di martedì 6 aprile 2004",
        labels=["PRESIDENTE.", "MARIO ROSSI.", "PRESIDENTE.", "LUCIA BIANCHI, Sottosegretario di Stato per "
                "l'economia.", "PRESIDENTE.", "GIORGIO VERDI, Ministro per i rapporti con il Parlamento e le riforme "
                "istituzionali.", "PRESIDENTE."], events=["Applausi dei deputati del gruppo misto"]),
    "sejm-pl.txt": dict(
        kind="debate", lang="pl", date="2005-03-15", time="10:05", end="14:12",
        title="Sprawozdanie stenograficzne z 5. posiedzenia Sejmu",
        labels=["Marszałek:", "Poseł Anna Nowak:", "Marszałek:"],
        events=["Początek posiedzenia o godz. 10 min 05", "Marszałek trzykrotnie uderza laską marszałkowską",
                "Oklaski", "Koniec posiedzenia o godz. 14 min 12"]),
    # a government's verbatim transcript of a press conference: the speaker's surname in capitals alone on its line,
    # whom the heading names
    "persconferentie-nl.txt": dict(
        kind="press", lang="nl", date="2008-03-14", title="Letterlijke tekst persconferentie na ministerraad",
        labels=["VERHOEVEN", "VRAAG", "VERHOEVEN"]),
    # a government's transcript of an interview on air: a question's letter and the answer's, ".-" after them (and
    # ":.-"), the office alone once; share buttons and the interviewer's credit above the turns are no turns
    "entrevista-es.txt": dict(
        kind="interview", lang="es", date="2016-03-14", title="Entrevista a la ministra de Hacienda",
        credits=[("interviewer", "Luis Ortega Vidal")],
        labels=["P.-", "Ministra.-", "P.-", "R:.-", "P.-", "R:.-"]),
    # the federal government's press conference (Regierungspressekonferenz): the chair "Vors.", a state
    # secretary "StS", a ministry's spokesman with the ministry in parentheses, a journalist's "Frage:"
    "regierungspressekonferenz-de.txt": dict(
        kind="press", lang="de", date="2004-05-12", title="Regierungspressekonferenz",
        labels=["Vors. Lindau:", "StS Brenner:", "Frage:", "StS Brenner:", "Hofmann (BMF):"]),
    # a presidency's web page: a byline with the time the page was published (never the event's), a dateline
    "cafe-jornalistas-pt.txt": dict(
        kind="press", lang="pt", date="2007-12-20", time=None, title="Entrevista coletiva concedida pela Presidenta",
        place="Palácio da Alvorada",
        labels=["Ministro Paulo Souza:", "Presidenta:", "Jornalista:", "Presidenta:"]),
    # a parliament's record as its web page prints it: the page's skip link run into the record's title; the hour
    # the sitting began, in words
    "journal-debats-qc.txt": dict(
        kind="debate", lang="fr", date="1978-03-14", time="15:05", main="Journal des débats de l'Assemblée nationale",
        labels=["LE PRÉSIDENT:", "M. TREMBLAY:", "LE PRÉSIDENT:", "M. GAGNON:"]),
    # one speech of a parliament on a page of its own: the agenda item announced ("7 punkt porządku dziennego:")
    # over its title, a site's notice above them
    "sejm-speech-pl.txt": dict(
        kind="debate", lang="pl", title="Pierwsze czytanie rządowego projektu ustawy",
        labels=["Minister Infrastruktury Adam Wolski:"], events=["Oklaski"]),
    # a Soviet record of conversation as a selection prints it: "Из беседы с ..." (from a conversation with ...)
    # an ambassador's record of his visit, in narrative: who interpreted said in a sentence, the record signed
    # at its end by his office over his name (the one who wrote it)
    "zapis-posla-ru.txt": dict(
        kind="meeting", lang="ru", date="1962-03-14", title="Запись беседы с президентом Финляндии",
        credits=[("interpreter", "А. Лебедев"), ("drafted by", "А. Захаров")], labels=[]),
    # a government's communiqué of its council of ministers: the palace it met in told in its first sentence, no
    # speaker, its measures in capitals and a colon (no label), signed by the spokesman's office over his name, the
    # page's date of publication under them
    "conseil-des-ministres-fr.txt": dict(
        kind="minutes", lang="fr", date="2025-03-12", title="Conseil des ministres du 12 mars 2025",
        place="Palais présidentiel",
        credits=[("drafted by", "Afi Mawuena KODJO")], only_credits=True, labels=[]),
    # an ambassador's report of his call, in narrative, with no heading: its first sentence tells of the meeting
    "visit-narrative-en.txt": dict(kind="meeting", lang="en", labels=[]),
    "iz-besedy-ru.txt": dict(
        kind="meeting", lang="ru", date="1988-05-12", title="Из беседы с Живковым и Младеновым",
        labels=["ГОРБАЧЕВ.", "ЖИВКОВ.", "ГОРБАЧЕВ."]),
    "tweede-kamer-nl.txt": dict(
        kind="debate", lang="nl", date="2008-06-03", title="Regeling van werkzaamheden",
        labels=["De voorzitter:", "De heer Jansen (PvdA):", "Mevrouw De Vries (VVD):", "De voorzitter:"]),
    "duma-ru.txt": dict(
        kind="debate", lang="ru", date="2003-03-07", title="Стенограмма заседания",
        labels=["Председательствующий.", 'ИВАНОВ И. И., фракция "Пример".', "Председательствующий.",
                "ПЕТРОВА А. С.", "Председательствующий."], events=["Аплодисменты."]),
    # the Riksdag's record: its number over the weekday's date ("Onsdagen den 27 februari 1991") and the hours,
    # items numbered by a section sign under the title, each speech numbered before its label ("Anf. 2"), the
    # words that close the sitting and the clerk's name after the last speech
    "riksdag-sv.txt": dict(
        kind="debate", lang="sv", date="1991-02-27", time="09:00", end="11:42", title="Riksdagens protokoll 1990/91:74",
        credits=[("notetaker", "Eva Lundgren")],
        labels=["Anf. 1 Talmannen:", "Anf. 2 Utrikesminister STEN LINDQVIST (s):", "Anf. 3 KARIN HOLM (fp):",
                "Anf. 4 Utrikesminister STEN LINDQVIST (s):", "Anf. 5 Talmannen:"], events=["Applåder", "Munterhet"]),
    # a party group's sitting transcribed from its tape, as a documentary edition prints it: the date before a colon
    # and the title, the archive's entry with its fields run into one paragraph (no title), the course of the sitting
    # lettered "A." to "C." (items, not an answer's mark nor a speaker "C. Vorbereitung der Plenarsitzungen:"), the
    # letters again in brackets where each item begins
    "fraktionssitzung-tonband-de.txt": dict(
        kind="minutes", lang="de", date="1974-05-14", time="15:10", title="Fraktionssitzung (Tonbandtranskript)",
        labels=["Kranz:", "Lindner:", "Kranz:", "Kranz:"], events=["Unterbrechung der Aufnahme.", "Beifall."]),
    # a sitting's record typed in Markdown, as a parliament's site exports it: the sitting's heading (its marks are
    # its level, not words), the item of the agenda a heading, each speaker's label a heading of its own over the
    # speech, a paragraph a line
    "posiedzenie-markdown-pl.txt": dict(
        kind="debate", lang="pl", date="2021-03-12", title="9. kadencja, 41. posiedzenie, 2. dzień (12-03-2021)",
        labels=["Marszałek:", "Poseł Anna Wierzbicka:", "Marszałek:"], events=["Oklaski"]),
    # a Markdown transcript's front matter (YAML between two lines of three hyphens, as static site generators and
    # Pandoc read it): its title (without its key and quotation marks), its date, who transcribed it ("transcript_by",
    # a key's underscore a space), the speakers it lists; each field a paragraph of its own, none run together
    # an oral history's typed transcript as a PDF's text layer gives it: lines ended by a bare carriage return,
    # a page's turns run into one line, the day's two digits parted by OCR ("March 1 4, 1983": the 14th), the
    # town under the date
    "oral-history-ocr-cr.txt": dict(
        kind="interview", lang="en", date="1983-03-14", place="Decorah, Iowa",
        title="Interview of Margaret Lund Hale, '41", credits=[("interviewer", "Peter Amsel")],
        labels=["Amsel:", "Hale:"] * 4 + ["Amsel:"]),
    # a press gaggle whose title ends in a dateline with the town the plane is bound for: the lines under it say
    # where the gaggle was held (on the plane), never the town of the title's dateline
    "press-gaggle-dated-title.txt": dict(
        kind="press", lang="en", date="2013-05-02", time="10:05", end="10:14",
        place="Aboard Air Force One, En Route Denver, Colorado",
        labels=["MS. PIKE:", "Q:", "MS. PIKE:", "Q:", "MS. PIKE:", "Q:"]),
    # a press gaggle saved as Markdown: its front matter's title a YAML string in quotation marks, escaped ("\\_", a
    # no-break space) and folded over two lines; where it was held on the lines above the time ("Aboard Air Force
    # One" over "En Route Duluth, Minnesota"); "END" and the hour close it
    "press-gaggle-front-matter.txt": dict(
        kind="press", lang="en", date="2022-05-11", time="11:42", end="11:58",
        main="Press Gaggle by Press Secretary Dana Hale Aboard Air Force One En Route Duluth, MN",
        place="Aboard Air Force One, En Route Duluth, Minnesota",
        labels=["MS. HALE:", "Q", "MS. HALE:", "Q", "MS. HALE:"]),
    # a family's conversation typed in Markdown (lines ended CR LF), each speech a definition under its speaker's
    # name (Pandoc's "Lotte" over ":<tab>Wann ..."), the tape's minutes as headings ("## 0:00": where the tape
    # stands, no hour of the day); the editor's note ("Anmerkung der Bearbeiterin:") no speaker, and the
    # "Protokoll" it speaks of no kind of record
    "familiengespraech-definitionen-de.txt": dict(
        kind="other", lang="de", time=None,
        labels=["Lotte", "Greta", "Lotte", "Hanne", "Greta", "Lotte", "Hanne"]),
    "podcast-front-matter.txt": dict(
        lang="en", date="2021-06-14", main="Mara Okafor on community archives: keeping the tapes alive",
        credits=[("editor", "Lena Vogt")], participants=["Mara Okafor", "Tom Reyes"],
        labels=["Tom Reyes:", "Mara Okafor:", "Tom Reyes:", "Mara Okafor:"]),
    # a podcast's page saved as Markdown in Spanish: the front matter's keys in the language ("titulo:", the title;
    # "presentador:", the host, a participant, not "present" and a name "ador"), the page's heading and its section
    # "Transcripción" under it; the host names himself before the programme ("Julián Ferrer Ibarra. Bienvenidos"):
    # a sentence, no label, in a text with none
    "podcast-front-matter-es.txt": dict(
        lang="es", date="2021-09-02", main="Memorias del llano. Cap 3. Teresa Aldana",
        participants=["Julián Ferrer Ibarra"], labels=[]),
    # the Riksdag's record opened at its first item, with no title and no date of the sitting: items under a
    # section sign and their number ("§ 3 Meddelande ..."), none the record's title; a member's name over the next
    # item is a list's, not a speaker's; a request read out, dated and signed, and a date the record speaks of
    # date nothing; the one speech under its number, the minister's office a compound ("Kultur- och
    # demokratiminister")
    "riksdag-anforande-sv.txt": dict(
        kind="debate", lang="sv", date="", time=None, main="Untitled record",
        labels=["Anf. 1 Kultur- och demokratiminister JONAS EKMAN (M):"]),
    # the two chambers' record of 1949: a member named by his constituency after "i" ("Herr JOHNSSON i
    # Stockholm:"), "som yttrade:" (who said) after a comma, a remark in parentheses before a spaced colon, the
    # clerk's "In fidem" over his name
    "andra-kammaren-sv.txt": dict(
        kind="debate", lang="sv", date="1949-03-29", time="16:00", end="17:03", title="ANDRA KAMMARENS PROTOKOLL",
        credits=[("notetaker", "Gunnar Britth")],
        labels=["Herr statsrådet STRÄNG, som yttrade:", "Herr JOHNSSON i Stockholm:",
                "Herr ANDERSSON i Dunker (kort genmäle) :"]),
    # the Verkhovna Rada's stenogram: the sitting's number, the hall (its noun first) and the day and hour over the
    # line that says who chairs it, labels ending in a full stop, a deputy's with the constituency after a comma;
    # "Перше питання." (the first item) is the chair's words, no label
    "rada-uk.txt": dict(
        kind="debate", lang="uk", date="1990-07-16", time="10:00", title="ЗАСІДАННЯ ДЕСЯТЕ",
        place="Сесійний зал Верховної Ради України",
        labels=["ГОЛОВА.", "КОВАЛЕНКО М.П., народний депутат України (Полтавський виборчий округ).", "ГОЛОВА.",
                "МЕЛЬНИК Т.В., народний депутат України (Львівський виборчий округ).", "ГОЛОВА."],
        events=["Оплески", "Шум у залі"]),
    "assembleia-pt.txt": dict(
        kind="debate", lang="pt", date="2018-09-26", time="15:07", end="16:40",
        title="Reunião plenária de 26 de setembro de 2018",
        labels=["O Sr. Presidente: —", "O Sr. João Exemplo (PSD): —", "A Sr.ª Maria Modelo (PS): —",
                "O Sr. Presidente: —"]),
    # a committee's stenographic record whose heading runs its fields into the title's line
    # the shorthand notes of Brazil's Senate: the record's heading under the institution's letterhead, a
    # commission of inquiry's sitting a hearing (its "Reunião" names the occasion)
    "cpi-senado-br.txt": dict(
        kind="hearing", lang="pt", date="2024-03-14",
        title="12ª REUNIÃO DA COMISSÃO PARLAMENTAR DE INQUÉRITO DAS ENCHENTES",
        main="12ª REUNIÃO DA COMISSÃO PARLAMENTAR DE INQUÉRITO DAS ENCHENTES",
        labels=["O SR. PRESIDENTE (Carlos Modelo. PSD - RS. Fala da Presidência.) –",
                "O SR. PRESIDENTE (Carlos Modelo. PSD - RS) –", "A SRA. MARINA EXEMPLO –",
                "O SR. PRESIDENTE (Carlos Modelo. PSD - RS) –",
                "O SR. PAULO AMOSTRA (Bloco Parlamentar - SC. Como Relator.) –", "A SRA. MARINA EXEMPLO –"]),
    "comissao-br.txt": dict(
        kind="meeting", lang="pt", date="2003-04-09", time="14:05", end="15:10", head="COMISSÃO DE EDUCAÇÃO E CULTURA",
        labels=["O SR. PRESIDENTE (Deputado Paulo Exemplo) -", "O SR. DEPUTADO MARCOS MODELO -",
                "O SR. PRESIDENTE (Deputado Paulo Exemplo) -", "A SRA. DEPUTADA ANA AMOSTRA -",
                "O SR. PRESIDENTE (Deputado Paulo Exemplo) -"]),
    "court-numbered-lines.txt": dict(
        kind="trial", lang="en", date="1985-06-04", time="09:30",
        labels=["THE COURT:", "MR. HALE:", "Q.", "A.", "Q.", "A.", "THE COURT:"]),
    # (a question's letter set off by spaces, "Q    Dana, ...", or by one space, as the White House prints it too)
    "press-briefing.txt": dict(
        kind="press", lang="en", date="2015-05-12", time="13:17", title="Press Briefing by Press Secretary Dana Holt",
        place="James S. Brady Press Briefing Room",
        labels=["MS. HOLT:", "Q", "MS. HOLT:", "Q", "MS. HOLT:", "Q", "Q", "MS. HOLT:"], events=["Laughter."]),
    "tape-transcript.txt": dict(
        kind="meeting", lang="en", time="18:00", title="Conversation 412-7",
        labels=["PRESIDENT:", "HALDEMAN:", "PRESIDENT:", "HALDEMAN:", "PRESIDENT:"], events=["Pause"]),
    # a presidential recording's heading: its participants' names over the room it was made in (an office: a place,
    # never the title)
    "tape-names-heading.txt": dict(
        kind="other", lang="en", main="Harold Brooks, Walter Lindgren", place="Oval Office",
        labels=["Walter Lindgren:", "Unidentified:", "President Brooks:", "Lindgren:", "President Brooks:",
                "Lindgren:", "President Brooks:"]),
    # a committee's video transcript: each label after the offset of the video it begins at, in brackets (the
    # turn's time, as printed), the speech on the next line; a surname that is also a title ("King") is the name's,
    # and an office a body names ("Committee Secretary") is no person called "Committee"
    "video-hearing-offsets.txt": dict(
        kind="hearing", lang="en", date="2019-04-09", time=None,
        labels=["Dana Whitfield:", "Omar Castellanos:", "Dana Whitfield:", "Ruth King:", "Dana Whitfield:",
                "Committee Secretary:"],
        stamps=["[00:02:11]", "[00:02:20]", "[00:03:05]", "[00:03:09]", "[00:03:40]", "[00:03:47]"],
        participants=["Dana Whitfield", "Omar Castellanos", "Ruth King", "Committee Secretary"]),
    # a site's name printed above the journal's heading is no place of the record's
    "mission-log.txt": dict(
        kind="other", lang="en", title="Day 2, part 1: Midcourse Correction", credits=[("editor", "Helen Orr")],
        place=None, labels=["Capcom:", "Commander:", "Capcom:", "Pilot:"]),
    "broadcast-interview-fr.txt": dict(
        kind="interview", lang="fr", date="2017-05-18", title="Interview de M. Paul Lenoir",
        labels=["MARC DURAND", "PAUL LENOIR"] * 3),
    # a radio interview whose page names no interview: who asks and who answers, as the turns show it
    "radio-interview-de.txt": dict(
        kind="interview", lang="de", title="Den Strom nicht abschalten", credits=[("interviewer", "Katrin Weber")],
        labels=["Katrin Weber:", "Jonas Albrecht:"] * 3),
    # a meeting's stenogram in Russian: initials glued to the surname, each speaker perhaps once
    "kremlin-ru.txt": dict(
        kind="meeting", lang="ru", title="Совещание с членами Правительства",
        labels=["В.Иванов:", "С.Волков:", "А.С.Соколова:"]),
    # a briefing's page: the release's date and time above the time the briefing began, on a line of its own
    "press-briefing-release.txt": dict(
        kind="press", lang="en", date="2019-03-14", time="14:05", title="Department Press Briefing",
        labels=["MR ELLIS:", "QUESTION:", "MR ELLIS:", "QUESTION:", "MR ELLIS:"], events=["Laughter."]),
    # a government's press conference: each label a name and a long office in capitals, used once or more; a
    # title's word inside a name (KING); the unnamed questioner as the transcript names them (JOURNALIST:)
    "press-conference-au.txt": dict(
        kind="press", lang="en", date="2024-10-09", title="Press conference, Port Hedland",
        labels=["ROSA KING, MINISTER FOR NORTHERN AUSTRALIA AND MEMBER FOR LINGIARI:", "HELEN CARTER, PRIME MINISTER:",
                "JOURNALIST:", "HELEN CARTER, PRIME MINISTER:", "JOURNALIST:", "HELEN CARTER, PRIME MINISTER:"]),
    # a radio station's transcript: initials and a surname in capitals before a dash, one of them used once (and
    # with another dash); the hosts and the guest as fields above the talk
    "radio-ru.txt": dict(
        kind="interview", lang="ru", date="2011-03-14",
        labels=["М. ОСИПОВ –", "И. БЕЛОВ -", "Т. ЛАРИНА -", "И. БЕЛОВ -", "Т. ЛАРИНА -", "И. БЕЛОВ -"],
        credits=[("interviewer", "Михаил Осипов"), ("interviewer", "Татьяна Ларина")]),
    # a broadcaster's transcript: the host by surname, a guest named once with a long description in parentheses
    "radio-show-en.txt": dict(
        kind="interview", lang="en", date="2005-03-03", title="Memories of the Marshall Plan",
        labels=["PRATT:", "Mr. WALTER HUNT (Former Deputy Administrator, Economic Cooperation Administration; Fellow "
                "at the Lindgren Institute, Yale University):", "PRATT:", "Mr. HUNT:", "PRATT:", "Mr. HUNT:", "PRATT:"],
        credits=[("interviewer", "Ellen Pratt")], events=["Soundbite of music", "Soundbite of laughter"]),
    # an association's minutes in the third person, a question and its answer set in the paragraph by the asker's
    # first name and a colon ("Bram: waarom ...? Pieter: de huur ..."): prose with names in it, not turns; the
    # place after "Lokatie:" (a spelling of Locatie); who takes the minutes said beside her name among those present,
    # "(notuleert)", in the language's words
    "ledenvergadering-notulen-nl.txt": dict(
        kind="minutes", lang="nl", date="2016-03-12", title="Notulen algemene ledenvergadering 12 maart 2016",
        place="Buurthuis De Linde in Zwolle", labels=[], credits=[("notetaker", "Lotte de Wit")]),
    # a Brazilian assembly's minutes: the parts of the sitting as headings of their own ("Pequeno Expediente."), a
    # name and a full stop alone on a line, once, which no label of the record resembles
    "sessao-br.txt": dict(
        kind="minutes", lang="pt", date="2006-03-14", title="Ata da 12ª Sessão Ordinária",
        labels=["O SR. PRESIDENTE (Deputado Paulo Exemplo):-"]),
    # a Westminster committee's oral evidence: each question numbered before the member's label (Q1 Chair:), a
    # member who asks once; the lines not parted by blank lines; the page's link to its video is no title
    "committee-evidence-uk.txt": dict(
        kind="hearing", lang="en", date="2014-03-04", title="Oral evidence: Local Museums, HC 412",
        labels=["Q1 Chair:", "Alan Marsh:", "Q2 Mr Crane:", "Alan Marsh:", "Q3 Sarah Dunmore:", "Alan Marsh:",
                "Q4 Chair:"]),
    # a veterans' oral history site: the interviewer's and the interviewee's initials as labels (А.С.:, И.С.П.:),
    # the interviewer and the editor credited as fields by their initials
    "oral-history-ru.txt": dict(
        kind="interview", lang="ru", title="Петров Иван Семёнович",
        labels=["А.С.:", "И.С.П.:", "А.С.:", "И.С.П.:", "А.С.:", "И.С.П.:"],
        credits=[("interviewer", "А.С."), ("editor", "Н.М.")]),
    # an interview known by its turns alone: one asks, by questions and by requests for an account ("Расскажите о
    # ...", "Опишите ..."), the other answers at length, a rhetorical question aside ("Ну что?!")
    "veteran-interview-ru.txt": dict(
        kind="interview", lang="ru", labels=["А.Д.:", "В.К.:", "А.Д.:", "В.К.:", "А.Д.:", "В.К.:"],
        credits=[("interviewer", "А.Д.")]),
    # a file note of a conversation, in narrative (no labels): the page's title ends its sentence on a person's name
    # before the date (no place), the dateline gives the place; the heading's first word letter-spaced
    # a memorandum of conference (the White House staff's record of a meeting with the President in the 1950s), in
    # the first person, no labels; a footnote's mark glued to the heading's last word ("Eisenhower0") is no title's;
    # OTHERS PRESENT over titles and names in a row; signed at its end by its drafter, over his rank
    "memorandum-of-conference.txt": dict(
        kind="meeting", lang="en", date="1957-03-04", time="11:00", place="Washington", labels=[],
        participants=["Secretary Dulles", "Mr. Hagerty", "Colonel Goodpaster"], credits=[("drafted by", "G.")],
        main="Memorandum of Conference With President Eisenhower"),
    "aktennotiz-de.txt": dict(
        kind="meeting", lang="de", date="1987-05-12", place="Berlin", labels=[],
        main="Aktennotiz über ein Gespräch des Genossen Karl Weiser mit Pavel Orlow, Leiter der 2. Europäischen "
             "Abteilung, am 12. Mai 1987"),
    # a background briefing as a page runs its lines together (no blank lines): a question heard only as what the
    # room heard (Q (Inaudible.)), once; a placeholder for an official's name in brackets is no label
    "background-briefing.txt": dict(
        kind="press", lang="en", date="2020-02-04", time="14:15", title="Background Press Call",
        labels=["MR. LANE:", "Q", "MR. LANE:", "SENIOR ADMINISTRATION OFFICIAL:", "MR. LANE:"], events=["Laughter."]),
    # an oral history as an archive's page gives it: no title page, the interviewer states the day on the recording
    # ("Today is ..."), each speaker's full name on the first turn and the initials after
    "oral-history-slate.txt": dict(
        kind="interview", lang="en", date="2009-06-09", title="Lindqvist, Harold",
        labels=["Nora Baines:", "Harold Lindqvist:", "NB:", "HL:", "NB:", "HL:", "NB:"],
        credits=[("interviewer", "Nora Baines")]),
    # a Russian interview whose interviewer speaks after a dialogue dash, unnamed, between the interviewee's labelled
    # turns, no blank lines: the dashed words are nobody's turn, never the interviewee's (checked below)
    "dash-interview-ru.txt": dict(
        kind="interview", lang="ru", date="2003-03-14", labels=["КОВАЛЁВ:", "КОВАЛЁВ:", "КОВАЛЁВ:"]),
    # a Latin American senate's record as a web page hard-wraps it: the label's article alone at the end of the
    # line above (El / Presidente Senador X:), no blank lines, one member once (La / Senadora Y:)
    # a stenographic version of a press conference of Mexico's presidency: each speaker's name in capitals alone on
    # its line, an office after a comma where one speaks once, a salutation that ends in a colon opening a speech,
    # and a saying quoted after a colon that is no label
    "version-estenografica-mx.txt": dict(
        kind="press", lang="es", date="2019-05-14",
        labels=["PRESIDENTE ARTURO MÉNDEZ RIVAS", "LORENA VILLA CARDOSO, GOBERNADORA DE ZACATECAS",
                "PRESIDENTE ARTURO MÉNDEZ RIVAS", "PREGUNTA", "PRESIDENTE ARTURO MÉNDEZ RIVAS", "PREGUNTA",
                "PRESIDENTE ARTURO MÉNDEZ RIVAS"]),
    # Italy's Senate: a group's name holding another's in parentheses, the number of the sitting ("SEDUTA N. 14",
    # no label), the change of the chair a paragraph of its own (below)
    "senato-it.txt": dict(
        kind="debate", lang="it", date="2022-12-06", time="16:32",
        labels=["PRESIDENTE.", "FERRANTE (FdI (Lega-PSd'Az)).", "PRESIDENTE.", "FERRANTE (FdI (Lega-PSd'Az)).",
                "PRESIDENTE.", "VALLI (Aut (SVP, Patt))."],
        events=["L'Assemblea si leva in piedi", "Applausi", "Generali applausi"]),
    # a German Land's parliament as its PDF prints it: a table of contents with the elected under "Gewählt:" and
    # papers' numbers ("– Drucks. 20/105 –"), who sits on the presidium and the government's bench, none a
    # speaker; a minister named with a compound office after a comma ("Dr. Maria Roth, Kultusministerin:")
    "landtag-de.txt": dict(
        kind="debate", lang="de", date="2019-03-12", title="3. Sitzung",
        labels=["Präsident Paul Weber:", "Jan Kurz (SPD):", "Präsident Paul Weber:",
                "Dr. Maria Roth, Kultusministerin:", "Präsident Paul Weber:", "Jan Kurz (SPD):",
                "Dr. Maria Roth, Kultusministerin:"]),
    # a record typed double-spaced (a blank line after every line; an indented line opens a paragraph), as Chile's
    # Senate typed its sessions: the lines of a paragraph are one paragraph, not a label each; a speaker named by
    # the surname and then the forename ("El señor VALDÉS, don Gabriel (Presidente).-")
    "senado-cl-mecanografiado.txt": dict(
        kind="debate", lang="es", date="1994-06-14",
        labels=["El señor VALDÉS, don Gabriel (Presidente).-", "El señor ARRIAGADA (Ministro de Hacienda).-",
                "El señor VALDÉS, don Gabriel (Presidente).-", "El señor ROMERO.-",
                "El señor VALDÉS, don Gabriel (Presidente).-"]),
    "senado-mx.txt": dict(
        kind="debate", lang="es", date="2016-03-08", title="Sesión solemne para recibir la visita",
        labels=["El Presidente Senador Ramón Ortega Lugo:", "El Presidente Senador Ramón Ortega Lugo:",
                "La Senadora Marta Ruiz Ibarra:", "El Presidente Senador Ramón Ortega Lugo:"],
        events=["La comisión cumple"]),
    # a tape's transcript as a file archive lists it: the listing's date is the file's, not the conversation's
    "tape-archive-listing.txt": dict(
        kind="meeting", lang="en", date="1972-03-02", time="10:05", end="10:40", title="Conversation 37-4",
        labels=["PRESIDENT:", "HALDEMAN:", "PRESIDENT:", "HALDEMAN:"]),
    # a memorandum's header: each field's name on its line, its values on the lines below, no blank line between
    "memcon-fields-below.txt": dict(
        kind="meeting", lang="en", date="1975-03-06", time="10:30", title="MEMORANDUM OF CONVERSATION",
        place="The Oval Office, The White House", labels=["Brandt:", "President:", "Brandt:", "President:"]),
    # a council's stenogram in Russian: the chair named by the office alone, once; the hour in words
    "council-ru.txt": dict(
        kind="debate", lang="ru", date="2009-10-14", time="11:00", title="Стенограмма заседания Совета",
        labels=["Председательствующий."]),
    # a committee's record in French: a title of other words above the sitting's dated line, a weekday on its own
    # line over the date, the hour the sitting was called for and the one it began at, who presides as procedure,
    # an office after the name in lower case, as French prints it
    "commission-fr.txt": dict(
        kind="meeting", lang="fr", date="2015-03-12", time="09:45", title="Intervention de M. Paul Girard",
        labels=["Mme la présidente Claire Morin.", "M. Paul Girard, directeur des archives.",
                "Mme la présidente Claire Morin."]),
    # a committee's transcribed interview taken from its PDF: no blank line anywhere, each paragraph opened by an
    # indented line, the appearances' fields and names over the first label, an examination's Q. and A.
    "committee-interview-appearances.txt": dict(
        kind="interview", lang="en", date="2019-03-14", time="10:02", title="TRANSCRIBED INTERVIEW OF: ROWAN PELL",
        labels=["MS. QUIST:", "MS. PELL:", "MR. LIND:", "MS. ABARA:", "MS. QUIST:", "Q.", "A.", "Q.", "A.",
                "MS. ABARA:", "MS. QUIST:"],
        paragraphs=["Would the witness please state her name for the record.", "(A short break was had.)"]),
    # a Sejm record taken from its PDF: labels alone on their lines, two glued to the end of the line above (after
    # an ellipsis, after an interruption in parentheses), a speech that opens with its address ("Szanowna Pani
    # Marszałek! Wysoka Izbo! Proszę") under its label
    "sejm-etykiety-sklejone-pl.txt": dict(
        kind="debate", lang="pl", date="2021-03-09", events=["Oklaski"],
        labels=["Marszałek:", "Poseł Ewa Nowicka:", "Marszałek:", "Poseł Ewa Nowicka:", "Marszałek:",
                "Poseł Jan Wróbel:", "Marszałek:"]),
    # a Landtag's Plenarprotokoll: its cover, then a long table of contents with leaders and pages and no word
    # heading it, the hour the sitting began right before the first speech
    "plenarprotokoll-deckblatt-de.txt": dict(
        kind="debate", lang="de", date="2020-03-12", time="09:03", title="7. Sitzung", place="Erfurt",
        labels=["Präsidentin Helga Brandt:", "Abg. Karl Weber (SPD):", "Präsidentin Helga Brandt:"],
        events=["Beginn: 9:03 Uhr"]),
    # speech recognition's transcript in Markdown: each voice's segment with its start and end in seconds before its
    # label (SPEAKER_00), a table of contents of links
    "transcription-segments-fr.txt": dict(
        kind="hearing", lang="fr", date="2023-05-12", title="Compte rendu de l'audition du 12/05/2023",
        labels=["SPEAKER_00:", "SPEAKER_01:", "SPEAKER_00:", "SPEAKER_01:"],
        stamps=["[0.0, 4.5] -", "[4.5, 9.12] -", "[9.12, 15.0] -", "[15.0, 18.36] -"]),
    # a presidency's stenographic version converted to Markdown: its heading of the first level the title, wrapped
    # at eighty columns (not the caption under the page's photograph, nearer the text), the photograph its
    # description linked to the image, labels in capitals glued to the speech that follows them (":Buenos días",
    # ":¿El puerto?")
    "version-estenografica-md-es.txt": dict(refs=["https://example.org/cms/uploads/conferencia_14_03.jpeg"],
        kind="press", lang="es", date="2023-03-14",
        title="Versión estenográfica. Conferencia de prensa matutina del presidente Joaquín Salvatierra Ruiz del 14 "
              "de marzo de 2023",
        labels=["PRESIDENTE JOAQUÍN SALVATIERRA RUIZ:", "INTERLOCUTORA:", "PRESIDENTE JOAQUÍN SALVATIERRA RUIZ:",
                "INTERLOCUTOR:", "PRESIDENTE JOAQUÍN SALVATIERRA RUIZ:"]),
    # a radio interview on a web page: a one-word reply under the journalist's label ("Jornalista: Exato.": no
    # credit of a journalist named Exato), a short exchange run into one paragraph
    "entrevista-radio-pt.txt": dict(
        kind="interview", lang="pt",
        labels=["Presidenta:", "Jornalista:", "Presidenta:", "Jornalista:", "Jornalista:", "Presidenta:",
                "Jornalista:", "Presidenta:", "Jornalista:"]),
    # a viewer's transcript of a television item: "Sprekers:" the list of who speaks (a field, no label); a surname
    # the list gives with its own forename is no near spelling of a registry's person ("Anna Bakker", not Baker)
    "ondertiteling-sprekers-nl.txt": dict(
        lang="nl", date="2019-06-04", title="Nederland en de wederopbouw",
        labels=["Mariëlle:", "De Vries:", "Mariëlle:", "Bakker:", "De Vries:"], absent=["James Baker"]),
    # a sitting's first speech that speaks of the members' questions ("zu den Fragen der Kolleginnen"): no title
    # page's line that names the record and who made it (a credit's word, "Fragen", before no name), a turn
    "sitzung-eroeffnung-de.txt": dict(
        kind="debate", lang="de", date="1990-10-03", time="10:00", title="12. Sitzung",
        labels=["Präsident Dr. Jenninger:", "Abg. Peter Wendt (SPD):", "Präsident Dr. Jenninger:"]),
    # a German parliament's question time as its record prints it, a speech to a line: the government's answer under
    # "Name, Parl. Staatssekretär beim Bundesminister für ...:" (an office after the comma that opens with a word
    # written short before an office's word), then "Name, Parl. Staatssekretär:"; a member with a place and a party
    "fragestunde-staatssekretaer-de.txt": dict(
        kind="debate", lang="de", date="1981-06-17", time="13:00",
        labels=["Vizepräsident Stücklen:", "Dr. Brandner, Parl. Staatssekretär beim Bundesminister für Verkehr:",
                "Vizepräsident Stücklen:", "Dr. Falk (CDU/CSU):", "Dr. Brandner, Parl. Staatssekretär:",
                "Vizepräsident Stücklen:", "Frau Seidel (SPD):", "Dr. Brandner, Parl. Staatssekretär:",
                "Vizepräsident Stücklen:", "Lorenz, Parl. Staatssekretär beim Bundesminister der Finanzen:",
                "Kühn (Bremen) (SPD):", "Lorenz, Parl. Staatssekretär:"]),
    # a podcast's transcript in Markdown: bold labels, the recording's time codes in escaped brackets (\\[01:12\\],
    # CommonMark's escape: brackets that open no link), and its cues between the turns ("**Jingle:** \\[29:51\\]":
    # the language's words of an event, never a speaker)
    "podcast-timecodes.md": dict(
        lang="en", labels=["Maya Ortiz:", "Tom Reyes:"] * 4),
    # an oral history typed from its tapes: the transcriber's notes on the recording ("(END OF SIDE 1)", "[End of
    # Tape 1, Side B]", the language's words of a recording's parts) are notes in the text, not speech; an event in
    # the room and what could not be made out beside them
    "oral-history-tape-sides.txt": dict(
        kind="interview", lang="en", date="1987-03-14", title="Interview with Clara Whitfield",
        labels=["LANG:", "WHITFIELD:", "LANG:", "WHITFIELD:", "LANG:", "WHITFIELD:"],
        notes=["END OF SIDE 1", "End of Tape 1, Side B", "THE END OF TAPE"], events=["Laughing"]),
    # a podcast transcribed by a tool that sets each speaker's name alone on its line after the time code
    # ("[00:00:21] Mia"); the host's name written in lower case only in his e-mail address (jonas@...), which is no
    # word of the text: a name, not a word that opens speech
    "podcast-zeitmarken-de.md": dict(
        lang="de", labels=["Jonas", "Mia"] * 3 + ["Jonas"], events=["Lachen"]),
    # a Senate committee's hearing in Spanish, its members named only by their office ("Senador:", "Senadora:": an
    # office alone, which the text writes in lower case before a name, "el senador Ruiz")
    "audiencia-senado-es.txt": dict(
        lang="es", date="2015-03-12",
        labels=["Presidente:", "Ortega:", "Senador:", "Ortega:", "Senadora:", "Ortega:", "Presidente:"]),
    # an interview transcribed from its recording, the transcriber's marks of what it holds beside speech in
    # brackets ("[ríe]", "[pequeña pausa]", "[suspira]": each language's words of an event), never words the
    # editors supplied
    "entrevista-sonidos-es.txt": dict(
        kind="interview", lang="es", title="Entrevista con Lucía Ferrer",
        labels=["Entrevistador:", "Lucía Ferrer:"] * 3, events=["ríe", "pequeña pausa", "suspira", "tose"]),
    # a transcription service's output: each voice it tells apart numbered in brackets alone on its line over what
    # it says ("[Speaker 2]"), the service's banner first ("Transcribed by TurboScribe.ai": a web address, no
    # person to credit)
    "transcricao-turboscribe-pt.txt": dict(
        kind="interview", lang="pt",
        labels=["[Speaker 1]", "[Speaker 2]", "[Speaker 3]", "[Speaker 1]", "[Speaker 2]", "[Speaker 1]"],
        credits=[("interviewer", "Speaker 1")], only_credits=True),
    # an interview typed in Markdown after a chat's log: each voice in angle brackets before what it says ("<Ana>
    # Pode, claro."), the questions in bold; its front matter's fields the record's facts, none of them a voice
    # ("University: Universidade de Coimbra"), the interviewer credited
    "entrevista-etiquetas-angulares-pt.md": dict(
        kind="interview", lang="pt", date="2023-05-03", title="Entrevista com Ana Duarte",
        labels=["<Rita>", "<Ana>", "<Rita>", "<Ana>", "<Ana>", "<Rita>"],
        credits=[("interviewer", "Rita Sousa")], only_credits=True),
    # the Congressional Record's House proceedings: the chair by its office qualified in Latin ("The SPEAKER pro
    # tempore.", "The SPEAKER pro tempore (Mr. Teague).": who presides), the members by title and surname in
    # capitals; a hard-wrapped line that opens with a word in small letters and a full stop ("... postmaster in"
    # over "Elmwood. She opened ..."), twice, is a sentence's end, not a speaker
    "congressional-record-house.txt": dict(
        kind="debate", lang="en", date="2011-05-11",
        labels=["Mr. HARLAN.", "The SPEAKER pro tempore.", "Mr. HARLAN.", "Ms. DRAY.", "Mr. COLE.", "Mr. HARLAN.",
                "The SPEAKER pro tempore (Mr. Teague)."]),
    # a press gaggle that closes with the hour alone after its last speech, as the White House prints it without
    # "END" ("2:19 P.M. EDT"): the time it ended
    "press-gaggle-hour-alone.txt": dict(
        kind="press", lang="en", date="2023-06-14", time="14:05", end="14:19",
        place="Aboard Air Force One, En Route Toledo, Ohio",
        labels=["MS. HALE:", "Q:", "MS. HALE:", "Q:"]),
    # a video's automatic captions of a hearing: each line of words under the recording's elapsed time ("0:02",
    # "0:09"), no punctuation, no labels; the offsets are no hour of the day, the dates the chair speaks of (a
    # mission "il 12 marzo 2023 a Palermo") not the record's, and no caption line is its title
    "sottotitoli-audizione-it.txt": dict(kind="hearing", lang="it", date="", time=None, labels=[]),
    # a jury's selection as a court reporter transcribes it: the notes of who is in the room and where the bench
    # talks ("(Jury panel present)", "(At the sidebar)", "(In open court)", "(Jury not present)") are events in
    # the room, never words the editors supplied nor speech
    "voir-dire-sidebar.txt": dict(
        kind="trial", lang="en", date="2023-03-07", time="09:30",
        labels=["THE COURT:", "MS. GRANT:", "THE COURT:", "MS. GRANT:", "THE COURT:", "THE COURT:"],
        events=["Jury panel present", "At the sidebar", "In open court", "Jury not present"]),
    # a radio log whose stations are labelled by call signs in capitals, some with a number and heard once
    # ("CHASE 1:", "HUNTCLUB 3:"): stations, not the headings of numbered items
    "radio-call-signs.txt": dict(
        lang="en",
        labels=["CAPCOM:", "RECOVERY:", "CAPCOM:", "CHASE 1:", "RECOVERY:", "CAPCOM:", "HUNTCLUB 3:", "RECOVERY:",
                "CAPCOM:", "RECOVERY:", "CAPCOM:", "RECOVERY:", "CAPCOM:"]),
    # a standards committee's meeting notes: a roster of who attends above them, each name with the initials the
    # labels use ("Ana Ruiz (AR), Ben Okafor (BO), ..."): each attends, one who never speaks too, and each label is
    # the person the roster names (three speakers, not provisional persons "AR", "BO", "CW")
    "meeting-notes-roster.md": dict(
        lang="en", date="2022-03-03", labels=["AR:", "BO:", "AR:", "CW:", "AR:"], speakers=3,
        participants=["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dana Holt"], absent=["AR", "BO", "CW"]),
    # an interview in Markdown whose voices are labelled by their roles, the words a title page's fields use
    # ("**Entrevistadora:** Oi, tudo bem?" over "**Entrevistado:** Tudo bem.", again and again): turns, never fields
    # that would list "Tudo" or "É." as taking part
    "entrevista-papeis-br.md": dict(
        kind="interview", lang="pt", labels=["Entrevistadora:", "Entrevistado:"] * 3, absent=["Tudo", "É.", "Quase"]),
    # an association's minutes in reported speech: the title that names the kind of record right over the first
    # sentence (no blank line between); each vote's result under its item ("Das Ergebnis der Abstimmung:",
    # "Begründung der Nein-Stimmen:": the words that head an item, each language's [labels] items), no speaker
    "vereinsprotokoll-de.txt": dict(
        kind="minutes", lang="de", date="2022-03-14", time="19:00",
        head="Protokoll der ordentlichen Mitgliederversammlung des Gartenvereins Lindenhof e.V.", labels=[]),
    # a federal court's transcript: the case's caption in its box of rules under the court's name (the parties and
    # the "v." between them, the docket number and the proceeding beside them) is the record's title
    "court-caption-en.txt": dict(
        kind="trial", lang="en", date="2023-03-09", time="14:00", place="Philadelphia, Pa",
        head="UNITED STATES OF AMERICA, v. 22 Cr. 415 (MJD) ROBERT LANE, Defendant. Sentencing",
        labels=["THE COURT:", "MR. PRICE:", "MS. BLAKE:", "THE COURT:", "MS. BLAKE:"]),
    "narrative-record.txt": dict(
        kind="meeting", lang="en", date="1969-04-14", title="Record of a Conversation with Marshal Ivan Orlov",
        credits=[("translated by", "Sarah Quill")], labels=[]),
}


def _text(e: etree._Element) -> str:
    return " ".join("".join(e.itertext()).split())


def _credits(root: etree._Element) -> list[tuple[str, str]]:
    """The header's credits of people: (what they did, their name)."""
    return [(_text(r.find("t:resp", NS)), _text(r.find("t:persName", NS)))
            for r in root.xpath("//t:titleStmt/t:respStmt[t:persName]", namespaces=NS)]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_transcript_of_each_genre_and_language_is_read_as_an_editor_reads_it(name, registry):
    want = EXPECTED[name]
    result = encode_file(FIXTURES / name, registry)
    (doc,) = result.documents
    root = doc.tree.getroot()
    x = lambda path: root.xpath(path, namespaces=NS)  # noqa: E731
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == want["lang"]
    if "kind" in want:
        assert x("string(//t:text/@subtype)") == want["kind"]
    assert [_text(s) for s in x("//t:text//t:speaker")] == want["labels"]
    if "title" in want:
        assert want["title"] in _text(x("//t:text//t:head")[0])
        assert want["title"] in x("string(//t:titleStmt/t:title[@type='main'])")  # ("42. Sitzung": its own number)
    if "main" in want:
        assert x("string(//t:titleStmt/t:title[@type='main'])") == want["main"]
    if "head" in want:
        assert _text(x("//t:text//t:head")[0]) == want["head"]
    setting = x("//t:settingDesc/t:setting/t:date")[0]
    when = setting.get("when") or setting.get("from") or ""
    if "date" in want:
        assert when[:10] == want["date"]
    if "time" in want:  # (None: the record gives no time of its own)
        got = setting.get("from") or setting.get("when") or ""
        assert want["time"] in got if want["time"] else "T" not in got
    # the time a sitting ended, from the words that close it; none where the record does not say it
    assert (setting.get("to") or "")[11:16] == want.get("end", "")
    if "place" in want:  # (None: the record names no place of its own)
        assert [_text(p) for p in x("//t:settingDesc//t:placeName")][:1] == ([want["place"]] if want["place"] else [])
    if "speakers" in want:
        assert len(set(x("//t:sp/@who"))) == want["speakers"]
    listed = [_text(n) for n in x("//t:particDesc//t:person/t:persName")]
    assert [name for name in want.get("participants", []) if name not in listed] == []
    assert [name for name in want.get("absent", []) if name in listed] == []  # (no one the record does not name)
    credits = _credits(root)
    for credit in want.get("credits", []):
        assert credit in credits
    if want.get("only_credits"):  # (no institution credited as a person: "Conducted by X, SRL History Center")
        assert sorted(set(credits)) == sorted(want["credits"])
    assert [_text(s) for s in x("//t:stage[@type='incident']")] == want.get("events", [])
    # a page's running head or foot, as printed, where it stands (none where the transcript prints none)
    assert [_text(f) for f in x("//t:text//t:fw[@type='running']")] == want.get("running", [])
    if "withheld" in want:  # a web page's placeholder for what its publisher withheld ("[email]"): a gap, as printed
        assert [_text(g) for g in x("//t:gap[@reason='redacted']")] == want["withheld"]
        assert [_text(s) for s in x("//t:supplied")] == []
    if "stamps" in want:  # a log's time of each turn, as printed (no words the editors supplied)
        assert [_text(n) for n in x("//t:sp/t:note[@type='time']")] == want["stamps"]
        assert x("//t:text//t:supplied") == []
    if "refs" in want:  # (a link where the transcript links: a Markdown link's or image's address)
        assert x("//t:text//t:ref/@target") == want["refs"] and x("//t:text//t:supplied") == []
    if "notes" in want:  # (the notes printed in the text, in its brackets or parentheses)
        assert [_text(n) for n in x("//t:text//t:note[@place='inline']")] == want["notes"]
    if "paragraphs" in want:  # (a typescript's paragraphs, each opened by an indented line: each a p of its own)
        paragraphs = [_text(p) for p in x("//t:text/t:body//t:p")]
        assert [p for p in want["paragraphs"] if p not in paragraphs] == []
    assert verify_lossless((FIXTURES / name).read_text(encoding="utf-8"), result.documents,
                           markdown=name.endswith(".md") or None) == []  # (read as Markdown by its name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_is_valid_against_the_editions_schema_and_rules(name, registry, tmp_path):
    result = encode_file(FIXTURES / name, registry)
    written = write(result.files, tmp_path)
    assert Validator().run(written).ok


def test_the_report_says_the_language_and_the_kind_of_record_and_on_what_evidence(registry):
    result = encode_file(FIXTURES / "plenarprotokoll-de.txt", registry)
    for report in (encoding_report([result]), html.unescape(encoding_report_page([result]))):
        assert "language: German (de), on the evidence of" in report
        assert "kind of record: debate, on the evidence of" in report
        assert "speaker label 'Martin Vogel (SPD):' accepted" in report


def test_a_line_that_says_who_takes_the_chair_ends_the_speech_before_it(registry):
    """Italy's Senate prints the change of the chair as a line of its own between speeches: the record's words."""
    (doc,) = encode_file(FIXTURES / "senato-it.txt", registry).documents
    root = doc.tree.getroot()
    chair = "Presidenza del vice presidente CORSO (ore 16,55)"
    assert [_text(p) for p in root.xpath("//t:div[@type='record']/t:p", namespaces=NS)][-1:] == [chair]
    assert not any(chair in _text(p) for p in root.xpath("//t:sp//t:p", namespaces=NS))


@pytest.mark.parametrize(("first", "place"), [
    ("The President met the delegation from the union in the Cabinet Room and heard their case for an hour.",
     "Cabinet Room"),
    ("La commission s'est réunie dans la salle des fêtes de la mairie pour entendre les habitants du quartier.", ""),
    ("The President met the delegation from the union in his office and heard their case for an hour.", ""),
])
def test_the_building_a_narrative_names_in_its_first_sentence_is_its_place(first, place, registry, tmp_path):
    """Only a building's capitalised name (a hall's word with the words of its name), never a common noun."""
    path = tmp_path / "note.txt"
    path.write_text(f"{first}\n\nThe meeting ended without a decision. Both sides agreed to meet again next week.\n",
                    encoding="utf-8")
    (doc,) = encode_file(path, registry).documents
    got = doc.tree.getroot().xpath("//t:settingDesc//t:placeName", namespaces=NS)
    assert [_text(p) for p in got] == ([place] if place else [])


def test_an_office_over_a_town_at_a_records_end_credits_no_signer(registry, tmp_path):
    """A communiqué that ends with the office and the town it was issued in names no one who drafted it; the same
    office over a name does."""
    text = (FIXTURES / "conseil-des-ministres-fr.txt").read_text(encoding="utf-8")
    for last, credits in (("Lomé", []), ("Afi KODJO", [("drafted by", "Afi KODJO")])):
        path = tmp_path / "communique.txt"
        path.write_text(text.replace("Afi Mawuena KODJO", last), encoding="utf-8")
        (doc,) = encode_file(path, registry).documents
        assert _credits(doc.tree.getroot()) == credits


def test_words_after_a_dialogue_dash_are_not_the_labelled_speakers(registry):
    """The interviewer's words, opened by a dialogue dash between the interviewee's turns, stand apart from them."""
    (doc,) = encode_file(FIXTURES / "dash-interview-ru.txt", registry).documents
    root = doc.tree.getroot()
    said = [_text(p) for p in root.xpath("//t:sp/t:p", namespaces=NS)]
    assert said and not any("\u2013" in p for p in said)
    apart = [_text(p) for p in root.xpath("//t:div[@type='record']/t:p", namespaces=NS)]
    assert apart[-3:] == ["\u2013 Андрей Петрович, здравствуйте.", "\u2013 С праздником Вас!",
                          "\u2013 Начнём с главного. Что Вы можете сказать о вчерашнем решении правительства?"]


def test_a_wrapped_label_with_its_speech_is_not_counted_as_a_label_alone_on_its_line(registry):
    """The label read across a line break (El / Presidente Senador X: ...) has its speech after it: the document's
    count of labels standing alone on their line, which weighs a dialogue of such labels, does not hold it."""
    from edition.encode import language, layout, turns
    from edition.encode.report import Report

    path = FIXTURES / "senado-mx.txt"
    text = path.read_text(encoding="utf-8")
    with language.using(language.detect(text).language):
        prepared, _ = layout.number_lines(layout.prepare(text, str(path)))
        blocks = layout.single_newline_paragraphs(layout.blocks(prepared), Report(str(path)))
        counts = turns.label_counts(blocks, registry)
    assert counts["Ramón Ortega Lugo"] == 3  # (the office, "Senador", is no part of the name)
    assert not counts.alone


def test_a_number_out_of_a_pages_count_is_the_lines_own_words(registry):
    """A court reporter numbers a title page's lines 1, 2, 3 ...; a street's number on an unnumbered line between
    ("218 North Harbor Road" under line 4) is the address's, not a line number."""
    (doc,) = encode_file(FIXTURES / "roundtable-state-senate.txt", registry).documents
    root = doc.tree.getroot()
    numbers = [int(n) for n in root.xpath("//t:text//t:lb[@rend='numbered']/@n", namespaces=NS)]
    assert numbers and max(numbers) <= 15
    assert any("218 North Harbor Road" in _text(p) for p in root.xpath("//t:text//t:p", namespaces=NS))


def test_a_front_matters_fields_are_paragraphs_of_their_own(registry):
    """Each field of a Markdown transcript's front matter is its own paragraph (a field in lower case under another
    is no paragraph's words cut by a page break), and its title is the heading."""
    (doc,) = encode_file(FIXTURES / "podcast-front-matter.txt", registry).documents
    root = doc.tree.getroot()
    ps = [_text(p) for p in root.xpath("//t:body//t:div/t:p", namespaces=NS)]
    fields = ["transcript_by: Lena Vogt", "speakers:", "date: 2021-06-14"]
    assert [p for p in ps if p in fields] == fields
    assert _text(root.xpath("//t:body//t:head", namespaces=NS)[0]).startswith("title:")


def test_headings_that_recur_over_sections_are_no_speakers(registry, tmp_path):
    """Minutes typed in Markdown repeat their sections' headings under each item ("### Discussie" and "### Besluit"):
    headings that recur as a transcription program's speakers do, but name no role, question or person: no turns."""
    path = tmp_path / "notulen.txt"
    path.write_text("# Notulen ledenvergadering\n\n" + "".join(
        f"## Punt {k}\n\n### Discussie\n\nDe leden bespreken punt {k}.\n\n### Besluit\n\nPunt {k} wordt "
        "aangenomen.\n\n" for k in range(1, 5)), encoding="utf-8")
    (doc,) = encode_file(path, registry).documents
    assert not doc.tree.getroot().xpath("//t:sp", namespaces=NS)


@pytest.mark.parametrize(("name", "text", "said"), [
    # an interview form's start and end, each "aproximadamente" after the time (Spanish)
    ("es.txt", "# Entrevista E2\n\n**Fecha:** 2025-11-17\n\n**Hora de inicio:** 11:00 AM aproximadamente\n\n**Hora de "
     "finalización:** 11:35 AM aproximadamente\n\n**ENTREVISTADOR:** ¿Cuándo empezó?\n\n**E2:** En la primavera.\n\n"
     "**ENTREVISTADOR:** ¿Y después?\n\n**E2:** Seguimos.\n", "2025-11-17, about 11:00\u201311:35"),
    # a hearing's opening, "approximately" before the time (English)
    ("en.txt", "HEARING ON THE BUDGET\n\nTuesday, March 4, 1975\n\nThe committee met, pursuant to notice, at "
     "approximately 10:05 a.m., in room 2175.\n\nThe CHAIRMAN. The committee will come to order.\n\nSenator GRANT. "
     "Thank you.\n\nThe CHAIRMAN. We begin.\n", "1975-03-04, about 10:05"),
    # a word of approximation that is no time's ("about the budget"): the time as printed
    ("en-not.txt", "HEARING ON THE BUDGET\n\nTuesday, March 4, 1975\n\nThe committee met, pursuant to notice, at 10:05 "
     "a.m. about the budget.\n\nThe CHAIRMAN. The committee will come to order.\n\nSenator GRANT. Thank you.\n\n"
     "The CHAIRMAN. We begin.\n", "1975-03-04, 10:05"),
])
def test_a_time_the_record_gives_as_approximate_is_said_so_in_the_header(name, text, said, registry, tmp_path):
    """A time the record gives as approximate, in its language's words next to it: the header's date says "about"
    (its ISO values are the time as printed); a word of approximation elsewhere on the line changes nothing."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = encode_file(path, registry).documents
    assert doc.tree.getroot().xpath("string(//t:settingDesc/t:setting/t:date)", namespaces=NS) == said


def test_an_agenda_numbered_on_consecutive_lines_is_a_numbered_list_in_the_tei_and_on_the_page(registry, tmp_path):
    """Minutes' agenda, an item a line, each numbered after the one before (``1. Opening ...`` over ``2. Jaarverslag
    ...``): a list whose items keep their numbers, never one paragraph numbered 1 that runs the items together; the
    web page shows each item with its number."""
    from edition import publish
    from edition.encode import combine

    result = encode_file(FIXTURES / "notulen-agenda-nl.txt", registry)
    (doc,) = result.documents
    items = doc.tree.getroot().xpath("//t:body//t:list[@rend='numbered']/t:item", namespaces=NS)
    assert [(i.get("n"), _text(i)) for i in items] == [("1", "Opening door de voorzitter"),
                                                       ("2", "Jaarverslag van het bestuur"), ("3", "Begroting 2019"),
                                                       ("4", "Rondvraag")]
    assert not doc.tree.getroot().xpath("//t:body//t:p[@n]", namespaces=NS)
    assert verify_lossless((FIXTURES / "notulen-agenda-nl.txt").read_text(encoding="utf-8"), result.documents) == []
    write(combine([result], registry), tmp_path / "tei")
    publish.build(tmp_path / "tei", tmp_path / "site", parts=("web",))
    page = (tmp_path / "site" / "records" / f"{doc.id}.html").read_text(encoding="utf-8")
    assert re.search(r'<li><span class="mark">2\. </span>Jaarverslag van het bestuur</li>', page)
