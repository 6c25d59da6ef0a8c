<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: the TEI as one paged HTML document, which WeasyPrint lays out with print.css (CSS Paged Media).
  Title page, contents with page numbers, introduction, editorial principles, one record per chapter, an index of
  persons with page numbers and a colophon. With the parameter "only" (a record id) it writes that record alone.
  The editorial conventions are rendered by conventions.xsl, the same module as the web edition's.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:err="http://www.w3.org/2005/xqt-errors"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="vocabulary.xsl"/>
  <xsl:import href="tei.xsl"/>
  <xsl:import href="spoken.xsl"/>
  <xsl:import href="conventions.xsl"/>
  <xsl:import href="leiden.xsl"/>
  <xsl:import href="apparatus.xsl"/>
  <xsl:import href="records.xsl"/>
  <xsl:import href="cite.xsl"/>
  <xsl:import href="commentary.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Record ids: instead of the edition, a book of each of these records alone, written as ID.html. -->
  <xsl:param name="only" as="xs:string*"/>
  <xsl:param name="stylesheet" as="xs:string" select="'print.css'"/>
  <!-- The edition's theme (publish/theme.py): its print CSS after the toolkit's, its logo on the title page. -->
  <xsl:param name="theme-print-css" as="xs:string?"/>
  <xsl:param name="logo-uri" as="xs:string?"/>

  <!-- A link in print: a PDF has no site around it, so a link relative to the site resolves against the edition's
       address where it is known ($base-url) and is no link otherwise (its words stay). WeasyPrint would otherwise
       resolve it against the stylesheets' folder, a file: link into the builder's installation. -->
  <xsl:function name="ed:link-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="href" select="ed:safe-href($uri)"/>
    <xsl:sequence select="if (empty($href) or matches($href, '^(https?|mailto):', 'i') or starts-with($href, '#'))
        then $href else if ($base-url) then string(resolve-uri($href, $base-url)) else ()"/>
  </xsl:function>

  <!-- A pointer to another record of the book: where the edition's web pages are (the book has no pages of its
       own to link), else nowhere. -->
  <xsl:function name="ed:record-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="ed:record-page($uri) ! ed:link-href('records/' || .)"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <xsl:call-template name="ed:check-ids"/>
    <xsl:choose>
      <xsl:when test="exists($only)">
        <!-- each record read alone, when its book is written (its digest says where it is) -->
        <xsl:for-each select="$digests[@id = $only]">
          <xsl:variable name="uri" select="string(@uri)"/>
          <xsl:try>
            <xsl:result-document href="{@id}.html">
              <xsl:source-document href="{@uri}" streamable="no">
                <xsl:call-template name="ed:book">
                  <xsl:with-param name="chosen" select="ed:as-record(.)" tunnel="yes"/>
                </xsl:call-template>
              </xsl:source-document>
            </xsl:result-document>
            <xsl:catch><xsl:sequence select="ed:failed-in($uri, $err:code, $err:description)"/></xsl:catch>
          </xsl:try>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:book">
          <xsl:with-param name="chosen" select="$docs" tunnel="yes"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A book: the edition (all records, with title page, contents, front matter and index), or one record. -->
  <xsl:template name="ed:book">
    <xsl:param name="chosen" as="document-node()*" tunnel="yes"/>
    <xsl:variable name="whole" select="empty($only)"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="if ($whole) then $title else ed:title($chosen[1])"/></title>
        <!-- the book's authors: the edition's editors (a record's own authors, in a book of one record) -->
        <meta name="author" content="{string-join(if ($whole) then $ed:editors else ($chosen ! ed:authors(.),
            $ed:editors)[1], ', ')}"/>
        <meta name="description" content="{if ($whole) then normalize-space(($about//titleStmt/title[@type = 'sub'], $title)[1])
            else ed:when($chosen[1]) || '. ' || $title}"/>
        <meta name="keywords" content="TEI, edition, memorandum of conversation"/>
        <meta name="generator" content="edition (XSLT 3.0, WeasyPrint)"/>
        <link rel="stylesheet" href="{$stylesheet}"/>
        <xsl:for-each select="$theme-print-css"><link rel="stylesheet" href="{.}"/></xsl:for-each>
      </head>
      <body>
        <xsl:if test="$whole">
          <xsl:call-template name="ed:title-page"/>
          <xsl:call-template name="ed:contents"/>
          <xsl:call-template name="ed:front"/>
        </xsl:if>
        <!-- pdf.py: where the records begin and the back matter begins (each part is laid out alone, and the
             back matter again with the index's pages) -->
        <xsl:comment>records</xsl:comment>
        <xsl:for-each select="$chosen">
          <xsl:try>
            <xsl:call-template name="ed:chapter"/>
            <xsl:catch><xsl:sequence select="ed:failed-in(ed:uri(.), $err:code, $err:description)"/></xsl:catch>
          </xsl:try>
        </xsl:for-each>
        <xsl:comment>back</xsl:comment>
        <xsl:if test="$whole">
          <xsl:if test="$has-index"><xsl:call-template name="ed:index"/></xsl:if>
          <xsl:call-template name="ed:term-indexes"/>
        </xsl:if>
        <xsl:call-template name="ed:colophon"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="ed:title-page">
    <section class="title-page">
      <xsl:for-each select="$logo-uri"><img class="logo" src="{.}" alt=""/></xsl:for-each>
      <h1 class="book-title"><xsl:value-of select="$title"/></h1>
      <xsl:for-each select="$about//titleStmt/title[@type = 'sub']">
        <p class="subtitle"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="$about//sourceDesc/bibl">
        <p class="source">From <i><xsl:value-of select="string-join(title ! normalize-space(), ' / ')"/></i><xsl:for-each
            select="publisher">, <xsl:value-of select="normalize-space(.)"/></xsl:for-each></p>
      </xsl:for-each>
      <xsl:variable name="translators" select="distinct-values($docs ! ed:translators(.))"/>
      <xsl:if test="exists($translators)">
        <p class="translators">Translated by <xsl:value-of select="string-join($translators, ' and ')"/></p>
      </xsl:if>
      <xsl:for-each select="$about//titleStmt/respStmt[not(resp/@ref)]">
        <p class="editors"><xsl:value-of select="string-join(resp ! normalize-space(), '; ') || ' ' || normalize-space(string-join((persName, orgName, name), ', '))"/></p>
      </xsl:for-each>
      <xsl:for-each select="$ed:version-line"><p class="version"><xsl:value-of select="."/></p></xsl:for-each>
      <xsl:for-each select="string-join(($ed:publisher, $ed:pub-place), ', ')[. != '']">
        <p class="publisher"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:for-each select="$base-url"><p class="address"><xsl:value-of select="."/></p></xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="ed:contents">
    <nav class="contents" aria-label="Contents">
      <h2 class="front-title">Contents</h2>
      <ol>
        <xsl:if test="$about//body/div[@type = 'introduction']">
          <li><a href="#introduction">Introduction</a></li>
        </xsl:if>
        <xsl:if test="$has-principles"><li><a href="#principles">Editorial principles</a></li></xsl:if>
        <xsl:for-each select="$docs">
          <li class="record-entry"><a href="#{ed:anchor(.)}"><span class="when"><xsl:value-of select="ed:in-words(ed:when(.))"/></span>
            <xsl:text> </xsl:text><span class="entry-title"><xsl:value-of select="ed:title(.)"/></span></a>
            <!-- a volume's documents, each by its number and heading -->
            <xsl:variable name="parts" select="ed:parts(.)"/>
            <xsl:if test="exists($parts)">
              <ol class="parts">
                <xsl:for-each select="$parts">
                  <li class="part-entry"><a href="#{ed:part-anchor(.)}"><xsl:value-of select="ed:part-title(.)"/></a></li>
                </xsl:for-each>
              </ol>
            </xsl:if>
          </li>
        </xsl:for-each>
        <xsl:if test="$has-index"><li><a href="#index">Index of persons</a></li></xsl:if>
        <xsl:for-each-group select="$term-index-entries" group-by="@index">
          <li><a href="#{ed:term-index-id(current-grouping-key())}"><xsl:value-of
              select="ed:term-index-title(current-grouping-key())"/></a></li>
        </xsl:for-each-group>
        <li><a href="#colophon">Colophon</a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- A character of a private use area has no glyph in the book's fonts, and a missing glyph spoils the text of
       the whole PDF: its declared name is printed in its place, in angle brackets (print.css: .g.private). -->
  <xsl:template match="g[matches(string(.), '\p{Co}')]" mode="ed:text" priority="1">
    <span class="g private"><xsl:call-template name="ed:attrs"/>
      <xsl:text>⟨</xsl:text><xsl:value-of select="(ed:g-name(.), 'a private-use character')[1]"/><xsl:text>⟩</xsl:text>
    </span>
  </xsl:template>

  <!-- A document of a volume (ed:parts) is a section of the book, with an anchor of its own for the contents and a
       bookmark (print.css: section.part). -->
  <xsl:template match="div" mode="ed:text" priority="1">
    <xsl:param name="ed:book-parts" as="element()*" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test="exists(. intersect $ed:book-parts)">
        <section class="part" id="{ed:part-anchor(.)}"><xsl:next-match/></section>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:function name="ed:part-anchor" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="ed:id(root($part)) || '-part-' || ed:part-id($part)"/>
  </xsl:function>

  <!-- A record in a running head: its date and whom it is with, else its title; cut to a line of A5. -->
  <xsl:function name="ed:running-head" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <!-- (a record of a conversation: whom it is with; any other text, a play or a letter, by its title) -->
    <xsl:variable name="with" select="if ($doc/*/text/@type = 'conversation') then
        string-join(ed:digest-of(ed:id($doc)) ! ed:interlocutors(.), ', ') else ''"/>
    <xsl:variable name="head" select="(string-join((ed:in-words(ed:when($doc))[. != ''], $with[. != '']), ' · ')
        [$with != ''], ed:title($doc))[1]"/>
    <xsl:sequence select="if (string-length($head) le 60) then $head
        else replace(substring($head, 1, 59), '\s+\S*$', '') || '&#x2026;'"/>
  </xsl:function>

  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="'record-' || ed:id($doc)"/>
  </xsl:function>

  <xsl:template name="ed:front">
    <xsl:for-each select="$about//body/div[@type = 'introduction']">
      <section class="front" id="introduction">
        <h2 class="front-title"><xsl:value-of select="(head, 'Introduction')[1]"/></h2>
        <xsl:apply-templates select="* except head" mode="ed:text"/>
      </section>
    </xsl:for-each>
    <xsl:if test="$has-principles">
      <section class="front" id="principles">
        <h2 class="front-title">Editorial principles</h2>
        <xsl:apply-templates select="$about//encodingDesc/(projectDesc, editorialDecl)/p" mode="ed:text"/>
        <!-- each declaration the records make, with the records that make it where not all do (as on the web) -->
        <xsl:for-each-group select="$docs" group-by="ed:conventions-key(.)[. != '']">
          <h3><xsl:value-of select="ed:declared-by(count(current-group()), count($docs))"/></h3>
          <xsl:if test="count(current-group()) lt count($docs)">
            <p class="declared-by">Declared by <xsl:for-each select="subsequence(current-group(), 1, 20)"><a
                href="#{ed:anchor(.)}"><xsl:value-of select="ed:title(.)"/></a><xsl:if
                test="position() != last()">; </xsl:if></xsl:for-each><xsl:if test="count(current-group()) gt 20"
                ><xsl:value-of select="' and ' || ed:records(count(current-group()) - 20) || ' more'"/></xsl:if>.</p>
          </xsl:if>
          <xsl:apply-templates select="(.//encodingDesc/editorialDecl)[1]/(*/p, p)" mode="ed:text"/>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One record: its title, its facts (as on its web page: ed:facts), the text, and its header's notes. -->
  <xsl:template name="ed:chapter">
    <xsl:variable name="header" select="*/teiHeader"/>
    <section class="record" id="{ed:anchor(.)}">
      <xsl:sequence select="ed:lang((*/@xml:lang, 'en')[1], $ed:site-language)"/>
      <!-- data-short: the running head, short enough for one line -->
      <h2 class="record-title" data-short="{ed:running-head(.)}"><xsl:value-of select="ed:title(.)"/></h2>
      <xsl:call-template name="ed:facts"/>
      <xsl:call-template name="ed:source-description"/>
      <div class="text">
        <xsl:apply-templates select="*/text" mode="ed:text">
          <xsl:with-param name="ed:book-parts" select="ed:parts(.)" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:call-template name="ed:commentary">
          <xsl:with-param name="doc" select="."/>
          <xsl:with-param name="level" select="'h3'"/>
        </xsl:call-template>
      </div>
      <xsl:for-each select="$header//notesStmt/note[not(@type = ('credit', 'archive'))]">
        <p class="header-note"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- In print a note of another project is a footnote at the foot of its page (print.css: float: footnote); its
       number is the page's footnote counter, its printed @n kept as the call's label where it has one. -->
  <xsl:template match="note[ed:is-endnote(.)][not(ed:in-place(.))][not(parent::person | parent::place | parent::org
      | parent::event)]" mode="ed:text">
    <xsl:param name="ed:attaching" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="$ed:attaching or not(ed:attached-apart(.))">  <!-- (a note kept apart: at its anchor) -->
      <xsl:variable name="words" as="node()*">
        <xsl:apply-templates mode="ed:text"><xsl:with-param name="ed:attaching" select="false()"
            tunnel="yes"/></xsl:apply-templates>
      </xsl:variable>
      <span class="note-foot"><xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
        <xsl:apply-templates select="$words" mode="ed:one-line"/></span>
    </xsl:if>
  </xsl:template>
  <!-- In print the source's own reading beside the edition's (a correction's sic, a regularisation's orig, an
       expansion's abbr) is a footnote: the page cannot hide it until asked, and set beside the edition's reading
       it would read as a second word of the text ("Doktor Dr"). -->
  <xsl:template match="*" mode="ed:other-reading">
    <span class="note-foot other-reading"><i><xsl:value-of select="ed:other-reading-label(.)"/>:</i><xsl:text> </xsl:text>
      <xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>
  <!-- A footnote's words as one run of text: WeasyPrint (70) ends a footnote's line where the TEI's typing left a
       line break or a run of spaces before an inline element ("See&#10;      <ref>"), where a browser sets one
       space; so each run of white space is one space (a pre keeps its lines). -->
  <xsl:mode name="ed:one-line" on-no-match="shallow-copy"/>
  <xsl:template match="text()[not(ancestor::*:pre)]" mode="ed:one-line">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <!-- In print a variant in the text is its lemma with its entry at the foot of the page, lettered apart from the
       notes' numbers (print.css: .app-foot). -->
  <xsl:template match="app[not(parent::listApp)]" mode="ed:text">
    <span class="app"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates select="ed:lemma(.)/node()" mode="ed:text"/>
      <xsl:if test="ed:has-entry(.)">
        <xsl:variable name="entry" as="node()*"><xsl:call-template name="ed:variant-entry"/></xsl:variable>
        <span class="app-foot"><xsl:apply-templates select="$entry" mode="ed:one-line"/></span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- MathML in print: WeasyPrint lays out no MathML, so a formula is written on one line as it is read aloud,
       its structure kept: a fraction (a)/(b), a root √(a), powers and indices raised and lowered, a table's rows
       parted by semicolons. (The web edition shows MathML as MathML.) -->
  <xsl:template match="*:math[namespace-uri() = 'http://www.w3.org/1998/Math/MathML']" mode="ed:text">
    <span class="math"><xsl:apply-templates mode="ed:math"/></span>
  </xsl:template>
  <xsl:template match="*:mfrac" mode="ed:math">
    <xsl:apply-templates select="*[1]" mode="ed:math-group"/>/<xsl:apply-templates select="*[2]" mode="ed:math-group"/>
  </xsl:template>
  <xsl:template match="*:msqrt" mode="ed:math">&#x221A;(<xsl:apply-templates mode="ed:math"/>)</xsl:template>
  <xsl:template match="*:mroot" mode="ed:math">
    <sup><xsl:apply-templates select="*[2]" mode="ed:math"/></sup>&#x221A;(<xsl:apply-templates select="*[1]"
        mode="ed:math"/>)</xsl:template>
  <xsl:template match="*:msup | *:mover" mode="ed:math">
    <xsl:apply-templates select="*[1]" mode="ed:math"/><sup><xsl:apply-templates select="*[2]" mode="ed:math"/></sup>
  </xsl:template>
  <xsl:template match="*:msub | *:munder" mode="ed:math">
    <xsl:apply-templates select="*[1]" mode="ed:math"/><sub><xsl:apply-templates select="*[2]" mode="ed:math"/></sub>
  </xsl:template>
  <xsl:template match="*:msubsup | *:munderover" mode="ed:math">
    <xsl:apply-templates select="*[1]" mode="ed:math"/><sub><xsl:apply-templates select="*[2]" mode="ed:math"/></sub>
    <sup><xsl:apply-templates select="*[3]" mode="ed:math"/></sup>
  </xsl:template>
  <xsl:template match="*:mtr" mode="ed:math">
    <xsl:if test="preceding-sibling::*:mtr">; </xsl:if><xsl:apply-templates mode="ed:math"/>
  </xsl:template>
  <xsl:template match="*:mtd" mode="ed:math">
    <xsl:if test="preceding-sibling::*:mtd">, </xsl:if><xsl:apply-templates mode="ed:math"/>
  </xsl:template>
  <xsl:template match="*:mi[string-length(normalize-space()) = 1]" mode="ed:math">
    <i><xsl:value-of select="normalize-space()"/></i>
  </xsl:template>
  <xsl:template match="*:annotation | *:annotation-xml" mode="ed:math"/>
  <xsl:template match="*" mode="ed:math"><xsl:apply-templates mode="ed:math"/></xsl:template>
  <xsl:template match="text()" mode="ed:math"><xsl:value-of select="normalize-space()"/></xsl:template>
  <!-- A numerator or denominator: in parentheses unless it is one token. -->
  <xsl:template match="*" mode="ed:math-group">
    <xsl:variable name="one" select="self::*:mi or self::*:mn or (self::*:mrow and count(*) = 1 and *[self::*:mi
        or self::*:mn])"/>
    <xsl:if test="not($one)">(</xsl:if><xsl:apply-templates select="." mode="ed:math"/><xsl:if
        test="not($one)">)</xsl:if>
  </xsl:template>

  <!-- In print an image is named by its address (the book is made from the TEI alone). -->
  <xsl:template match="graphic" mode="ed:text">
    <span class="graphic">[image: <xsl:value-of select="@url"/>]</span>
  </xsl:template>

  <!-- An unclear letter's dot below (leiden.xsl) in print stands in an element of its own: WeasyPrint (70; its
       issue 2841) gives a letter drawn as two glyphs, an accented letter with a dot below (ί̣), its text on the
       dot alone, and the letter's glyph then reads as nothing wherever else the PDF prints it, so that every ί of
       the book was missing from its text layer. -->
  <xsl:template match="text()[ancestor::unclear][ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:analyze-string select="normalize-unicode(., 'NFC')" regex="\S">
      <xsl:matching-substring><xsl:value-of select="."/><span class="dot-below">&#x0323;</span></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!-- An id in print is unique in the whole book: the record's id before it. -->
  <xsl:function name="ed:html-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:id(root($e)) || '-' || $e/@xml:id"/>
  </xsl:function>

  <!-- In print, a named person is a target for the index rather than a link. -->
  <xsl:template match="persName[ed:target(@ref)]" mode="ed:text">
    <span class="person" id="{ed:node-anchor(.)}"><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <!-- An anchor for a node of a record: the record's id and the node's place in it (generate-id without Saxon's
       document number, which changes with the documents and modules a run has loaded), so that the same edition
       gives the same PDF. -->
  <xsl:function name="ed:node-anchor" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="ed:id(root($node)) || '-' || replace(generate-id($node), '^d\d+', '')"/>
  </xsl:function>
  <xsl:template match="speaker" mode="ed:text">
    <p class="speaker"><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>
  <xsl:template name="ed:utterance-heading">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="party" as="xs:string*"/>
    <xsl:param name="href" as="xs:string?"/>
    <p class="speaker"><xsl:value-of select="$name"/><xsl:if test="exists($party)"><xsl:text> </xsl:text><span
        class="party">(<xsl:value-of select="string-join($party, ', ')"/>)</span></xsl:if></p>
  </xsl:template>

  <!-- Every place where each person speaks (a turn) or is named (the anchor there), in the records' order: read in
       one pass over the records, however many persons the register holds. The index lists their pages, each page
       once (pdf.py: a first layout finds the pages, a second prints them). -->
  <xsl:variable name="index-places" as="map(xs:string, xs:string*)"
      select="map:merge($docs ! ed:index-places(.), map{'duplicates': 'combine'})"/>
  <xsl:function name="ed:index-places" as="map(xs:string, xs:string)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:for-each select="$doc//text//((sp | u)[@xml:id] | persName[ed:target(@ref)])">
      <xsl:variable name="anchor" select="if (self::sp) then string(@xml:id) else if (self::u) then ed:html-id(.)
          else ed:node-anchor(.)"/>
      <xsl:sequence select="(if (self::sp or self::u) then ed:who-ids(.)
          else ed:target(@ref)) ! map{.: $anchor}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The index: each person, filed by surname (ed:filing), with every page where they speak or are named. -->
  <!-- The front matter and index a book has: principles where the edition or its records state them, an index
       where the register lists someone the records name. -->
  <xsl:variable name="has-principles" as="xs:boolean" select="exists(($about//encodingDesc/(projectDesc,
      editorialDecl)/p, $docs//encodingDesc/editorialDecl)[normalize-space()])"/>
  <xsl:variable name="has-index" as="xs:boolean" select="exists($register//listPerson/person[exists($index-places(
      string(@xml:id)))])"/>

  <xsl:template name="ed:index">
    <section class="index" id="index">
      <h2 class="front-title">Index of persons</h2>
      <xsl:for-each select="$register//listPerson/person">
        <xsl:sort select="ed:filing(.)" lang="en"/>
        <xsl:variable name="places" as="xs:string*" select="$index-places(string(@xml:id))"/>
        <xsl:if test="exists($places)">
          <!-- data-refs: every place, which pdf.py turns into the pages they are on, each page once -->
          <p class="index-entry" data-refs="{string-join($places, ' ')}">
            <!-- as filed (ed:filing): "Andreotti, Giulio"; a name without a surname to turn, in its order -->
            <xsl:variable name="name" select="ed:main-name(.)"/>
            <xsl:variable name="surname" select="ed:surname($name)"/>
            <span class="index-name"><xsl:value-of select="if ($surname and $name/forename) then normalize-space($surname)
                || ', ' || normalize-space($name/forename[1]) else normalize-space($name)"/></span>
            <span class="pages"></span>
          </p>
        </xsl:if>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- The indexes the records' own index entries make (TEI index/term, by @indexName; a nested index a
       sub-entry): each term, filed by its @sortKey or its words, with every page where it is indexed. The place
       of an entry is an empty mark where the index element stands. -->
  <xsl:template match="index" mode="ed:text">
    <span class="index-mark" id="{ed:node-anchor(.)}"></span>
  </xsl:template>
  <xsl:variable name="term-index-entries" as="element(ed:entry)*">
    <xsl:for-each select="$docs//text//index[term[normalize-space()]]">
      <xsl:variable name="top" select="ancestor-or-self::index[last()]"/>
      <ed:entry index="{normalize-space($top/@indexName)}" anchor="{ed:node-anchor(.)}"
          key="{string-join(ancestor-or-self::index ! lower-case(normalize-space((term[1]/@sortKey, term[1])[1])),
          '&#x2063;')}" words="{string-join(ancestor-or-self::index ! normalize-space(term[1]), '&#x2063;')}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:function name="ed:term-index-id" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="'index-terms' || ($name[.] ! ('-' || replace(., '[^\w\-]', '_')))"/>
  </xsl:function>
  <xsl:function name="ed:term-index-title" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="if ($name) then 'Index: ' || $name else 'Index'"/>
  </xsl:function>
  <xsl:template name="ed:term-indexes">
    <xsl:for-each-group select="$term-index-entries" group-by="@index">
      <xsl:sort select="current-grouping-key()"/>
      <section class="index" id="{ed:term-index-id(current-grouping-key())}">
        <h2 class="front-title"><xsl:value-of select="ed:term-index-title(current-grouping-key())"/></h2>
        <xsl:for-each-group select="current-group()" group-by="@key">
          <xsl:sort select="current-grouping-key()" lang="en"/>
          <xsl:variable name="levels" select="tokenize(@words, '&#x2063;')"/>
          <!-- data-refs: every place, which pdf.py turns into the pages they are on, each page once -->
          <p class="index-entry{if (count($levels) gt 1) then ' sub' else ''}" data-refs="{string-join(
              current-group()/@anchor, ' ')}">
            <span class="index-name"><xsl:value-of select="string-join($levels, ', ')"/></span>
            <span class="pages"></span>
          </p>
        </xsl:for-each-group>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template name="ed:colophon">
    <xsl:param name="chosen" as="document-node()*" tunnel="yes"/>
    <section class="colophon" id="colophon">
      <h2 class="front-title">Colophon</h2>
      <!-- who translated which record: in the book of one record its facts say it (ed:facts), and the colophon is
           the edition's, the same in every record's book -->
      <xsl:variable name="translated" select="$chosen[empty($only)]"/>
      <xsl:for-each-group select="$translated" group-by="ed:translators(.)">
        <xsl:sort select="current-grouping-key()"/>
        <p>Translated by <xsl:value-of select="current-grouping-key()"/>: <xsl:value-of
            select="string-join(current-group() ! ed:in-words(ed:when(.)), '; ')"/>.</p>
      </xsl:for-each-group>
      <xsl:variable name="unnamed" select="$translated[*/text/@type = 'conversation'][empty(ed:translators(.))]"/>
      <xsl:if test="exists($unnamed)">
        <p>The source names no translator for: <xsl:value-of select="string-join($unnamed ! ed:in-words(ed:when(.)),
            '; ')"/>.</p>
      </xsl:if>
      <xsl:call-template name="ed:attributions">
        <xsl:with-param name="link" select="function($id) {()}"/>
      </xsl:call-template>
      <xsl:call-template name="ed:versions"/>
      <xsl:for-each select="$about//publicationStmt">
        <p>Published by <xsl:value-of select="normalize-space(publisher)"/>.</p>
        <xsl:for-each select=".//licence">
          <p class="licence"><xsl:value-of select="normalize-space(.)"/>
            <xsl:for-each select="ed:safe-href(@target)"><xsl:text> </xsl:text><xsl:value-of select="."/></xsl:for-each></p>
        </xsl:for-each>
      </xsl:for-each>
      <p>Set in Linux Libertine with XSLT 3.0 (Saxon) and WeasyPrint from the TEI encoding.</p>
    </section>
  </xsl:template>

</xsl:stylesheet>
