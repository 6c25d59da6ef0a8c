<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcriptions of speech (the TEI's spoken module, as ParlaMint's parliamentary debates and oral-history corpora
  encode them, and ISO 24624's annotation blocks with their tiers, as transcription tools export them): each
  utterance (u) a turn headed by its speaker, named from u/@who (or its block's; the record's own list of
  persons, else the edition's register: persons.xml or the corpus root's particDesc); its segments (seg) its
  paragraphs; what happens in the room (incident, kinesic, vocal), pauses, shifts of voice and writing shown in
  place, in parentheses and set apart from the words spoken, as a stage direction is; the transcriber's notes in
  a transcription (note inside or beside an utterance: a printed speaker label, a comment, a time) in place too,
  never as endnotes far from where they happened. Imported by html.xsl and print.xsl after tei.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- What an id names for a node: the element of the node's own document (a record's particDesc, standOff), else
       the register's (a corpus root's lists of persons, organisations and categories). -->
  <xsl:function name="ed:named" as="element()*">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="from" as="node()"/>
    <xsl:sequence select="if (not($id)) then () else (key('ed:by-id', $id, root($from)), $register !
        key('ed:by-id', $id, .))"/>
  </xsl:function>

  <!-- Who speaks a turn (sp, u): its @who, or its annotation block's (ISO 24624's transcriptions of speech, as
       EXMARaLDA and other tools export them, say who speaks on the block that holds the utterance and its tiers). -->
  <xsl:function name="ed:who" as="attribute()?">
    <xsl:param name="turn" as="element()"/>
    <xsl:sequence select="($turn/@who, $turn/parent::annotationBlock/@who)[1]"/>
  </xsl:function>
  <!-- The ids of the speakers: each pointer's (#SPK0), or an id written bare where the record holds it (who="SPK0",
       as those tools write it). -->
  <xsl:function name="ed:who-ids" as="xs:string*">
    <xsl:param name="turn" as="element()"/>
    <xsl:sequence select="tokenize(ed:who($turn)) ! (if (starts-with(., '#')) then substring(., 2)[. != '']
        else .[. castable as xs:NCName][exists(key('ed:by-id', ., root($turn)))])"/>
  </xsl:function>

  <!-- A person or group an utterance points to. -->
  <xsl:function name="ed:speaker-of" as="element()?">
    <xsl:param name="u" as="element()"/>
    <xsl:sequence select="ed:named(ed:who-ids($u)[1], $u)[self::person or self::personGrp][1]"/>
  </xsl:function>

  <!-- The speaker as readers name them: the person's name (its parts apart however they are spaced in the file),
       else the group's, else the pointer's id as the transcript gives it; where the utterance names nobody, the
       kind of speaker its @ana gives (ParlaMint's "chair": the term of its category in the corpus's taxonomy, in
       the record's language, else English), else nothing. -->
  <xsl:function name="ed:utterance-speaker" as="xs:string?">
    <xsl:param name="u" as="element()"/>
    <xsl:variable name="person" select="ed:speaker-of($u)"/>
    <xsl:variable name="name" select="($person/persName[not(@type)], $person/persName, $person/name)[1]"/>
    <xsl:variable name="kind" select="if (ed:who($u)) then () else (for $id in tokenize($u/@ana)[starts-with(., '#')]
        ! substring(., 2) return ed:named($id, $u)[self::category][1])[1]"/>
    <xsl:variable name="lang" select="($u/ancestor-or-self::*/@xml:lang)[last()]"/>
    <xsl:sequence select="($name ! ed:display-name(.),
        normalize-space($person/(desc, roleName)[1]), ed:who-ids($u)[1], normalize-space(ed:who($u)),
        $kind/(catDesc[@xml:lang = $lang], catDesc[@xml:lang = 'en'], catDesc)[1]/(term, .)[1] ! normalize-space())
        [. != ''][1]"/>
  </xsl:function>

  <!-- The party or parliamentary group the speaker belonged to on the record's day (an affiliation with an
       organisation whose role says it is one: ParlaMint's politicalParty, parliamentaryGroup), by its short name. -->
  <xsl:function name="ed:speaker-party" as="xs:string*">
    <xsl:param name="u" as="element()"/>
    <xsl:variable name="person" select="ed:speaker-of($u)"/>
    <xsl:variable name="day" select="(ed:date(root($u))/(@when, @from)[1] ! substring(., 1, 10), '')[1]"/>
    <xsl:sequence select="distinct-values(for $a in $person/affiliation[@ref][$day = '' or not(@from) or
        substring(@from, 1, 10) le $day][$day = '' or not(@to) or substring(@to, 1, 10) ge $day],
        $org in ed:named(ed:target($a/@ref), $u)[self::org][matches(@role, 'party|group', 'i')][1]
        return normalize-space(($org/orgName[@full = 'abb'], $org/orgName)[1]))[. != '']"/>
  </xsl:function>

  <!-- A name as it is said: a name made of parts in the order of speech (title, forenames, particle, surnames,
       generational name: "Mag. Barbara Prammer" for <surname>Prammer</surname><forename>Barbara</forename>
       <roleName>Mag.</roleName>), except in the languages that say the family name first (Hungarian, Chinese,
       Japanese, Korean, Vietnamese); a name written as words, as written. -->
  <xsl:function name="ed:display-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="lang" select="substring(($name/ancestor-or-self::*/@xml:lang)[last()], 1, 2)"/>
    <!-- (each in turn: a path would put them back in the order of the file) -->
    <xsl:variable name="parts" select="($name/roleName, $name/forename, $name/nameLink, $name/surname, $name/genName,
        $name/addName)"/>
    <xsl:sequence select="(if (exists($parts) and not($name/text()[normalize-space()]) and not($lang = ('hu', 'zh',
        'ja', 'ko', 'vi')) and count($parts) = count($name/*)) then string-join($parts ! normalize-space(), ' ')
        else normalize-space(string-join($name//text(), ' '))) => replace(' ([,.])', '$1')"/>
  </xsl:function>

  <!-- A turn headed by its speaker: by the label the transcript printed before it (ParlaMint's note type="speaker",
       "Präsident Dr. Heinz Fischer"), with the register's name after it in brackets where the label does not give
       it ("Mr NOVÁK: [Jan Novák]"), else by the register's name: the speaker named once, as printed. -->
  <xsl:template match="u" mode="ed:text">
    <xsl:param name="ed:register-href" as="xs:string" select="'persons.html'" tunnel="yes"/>
    <section class="sp u">
      <xsl:call-template name="ed:attrs"/>
      <xsl:variable name="known" select="ed:utterance-speaker(.)"/>
      <xsl:variable name="printed" select="ed:printed-label(.) ! normalize-space()"/>
      <xsl:variable name="name" select="if (not($printed)) then $known else $printed || $known[not(contains(lower-case(
          $printed), lower-case(.)))] ! (' [' || . || ']')"/>
      <xsl:if test="exists($name)">
        <xsl:call-template name="ed:utterance-heading">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="party" select="ed:speaker-party(.)"/>
          <xsl:with-param name="href" select="ed:person-href(ed:who-ids(.)[1], ., $ed:register-href)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </section>
  </xsl:template>

  <!-- The speaker's label a transcript printed right before a turn; where it stands, only its id is kept (its words
       head the turn). -->
  <xsl:function name="ed:printed-label" as="element()?">
    <xsl:param name="u" as="element()"/>
    <xsl:sequence select="$u/preceding-sibling::*[1][self::note[@type = 'speaker']][normalize-space()]"/>
  </xsl:function>
  <xsl:template match="note[@type = 'speaker'][following-sibling::*[1][self::u]][normalize-space()]" mode="ed:text"
      priority="3">
    <xsl:if test="@xml:id"><span class="anchor"><xsl:call-template name="ed:attrs"/></span></xsl:if>
  </xsl:template>

  <!-- The speaker's heading, linked to the register (print.xsl prints it without the link). -->
  <xsl:template name="ed:utterance-heading">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="party" as="xs:string*"/>
    <xsl:param name="href" as="xs:string?"/>
    <h3 class="speaker">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:html-id(.) || '-speaker'"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="$name"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="exists($party)"><xsl:text> </xsl:text><span class="party">(<xsl:value-of
          select="string-join($party, ', ')"/>)</span></xsl:if>
    </h3>
  </xsl:template>

  <!-- An annotation block (ISO 24624) holds a turn: its utterance, then its tiers of annotations (spanGrp: a
       translation, the manner of speaking, a comment), each set apart under its name, never run into the words. -->
  <xsl:template match="annotationBlock" mode="ed:text">
    <div class="annotationBlock"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>
  <xsl:template match="spanGrp" mode="ed:text">
    <xsl:if test="normalize-space()">
      <p class="tier {@type}"><xsl:call-template name="ed:attrs"/>
        <xsl:for-each select="(@type, @subtype)[1]"><span class="label"><xsl:value-of select="."/>: </span>
        </xsl:for-each>
        <xsl:for-each select="span[normalize-space()]">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <span class="span"><xsl:call-template name="ed:attrs"/><xsl:value-of select="normalize-space()"/></span>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Punctuation as a tokenised transcript marks it (pc among w, one to a line): the layout's space before a
       closing mark or after an opening one is no space of the text ("night, don't", "„Good"); @join says so where
       given; a straight quotation mark opens or closes by how many came before it in its utterance. -->
  <xsl:function name="ed:joins" as="xs:string">
    <xsl:param name="pc" as="element()"/>
    <xsl:variable name="c" select="normalize-space($pc)"/>
    <xsl:sequence select="if ($pc/@join) then string($pc/@join)
        else if (matches($c, '^[\p{Pe}\p{Pf}.,;:!?…%]+$')) then 'left'
        else if (matches($c, '^[\p{Ps}\p{Pi}¿¡]+$')) then 'right'
        else if ($c = ('&quot;', &quot;'&quot;)) then (if (count($pc/ancestor::*[self::u or self::p or self::seg][1]
            //pc[. = $c][. &lt;&lt; $pc]) mod 2 = 0) then 'right' else 'left')
        else 'no'"/>
  </xsl:function>
  <xsl:template match="text()[not(normalize-space())][../pc][following-sibling::*[not(self::anchor)][1][self::pc]
      [ed:joins(.) = ('left', 'both')] or preceding-sibling::*[not(self::anchor)][1][self::pc][ed:joins(.) = ('right',
      'both')]]" mode="ed:text" priority="1"/>

  <!-- A segment of an utterance is a paragraph of it; a segment within a segment flows in it (tei.xsl). -->
  <xsl:template match="u/seg" mode="ed:text" priority="1">
    <p class="seg"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>

  <!-- Whether an element stands between paragraphs (a block of its own) or among words. -->
  <xsl:function name="ed:between-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::u[seg or p or ab] | $e/parent::div | $e/parent::body | $e/parent::sp)"/>
  </xsl:function>

  <!-- An ISO duration as a reader reads it: PT3S "3 s", PT1M30S "1 min 30 s"; another form as given. -->
  <xsl:function name="ed:duration" as="xs:string">
    <xsl:param name="dur" as="xs:string"/>
    <xsl:variable name="d" select="if ($dur castable as xs:dayTimeDuration) then xs:dayTimeDuration($dur) else ()"/>
    <xsl:sequence select="if (empty($d)) then $dur else string-join((hours-from-duration($d)[. != 0] ! (. || ' h'),
        minutes-from-duration($d)[. != 0] ! (. || ' min'), seconds-from-duration($d)[. != 0] ! (. || ' s')), ' ')"/>
  </xsl:function>

  <!-- Events in the room (applause, laughter, a bell), gestures, sounds and the voice's shifts, as a transcript
       prints them: in parentheses, in italics, in place. The words are its desc (in its own parentheses where it
       has them: a transcription system's "((laughter))"), else its kind. -->
  <xsl:template match="incident | kinesic | vocal | pause | shift | writing" mode="ed:text">
    <xsl:variable name="bracketed" select="exists(ed:desc(.)[matches(normalize-space(), '^\(.*\)$')])"/>
    <xsl:element name="{if (ed:between-blocks(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'stage spoken ' || local-name() || (@type ! (' ' || .))"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:if test="not($bracketed)">(</xsl:if>
      <xsl:choose>
        <xsl:when test="self::writing"><xsl:apply-templates mode="ed:text"/></xsl:when>
        <xsl:when test="desc"><xsl:apply-templates select="ed:desc(.)/node()" mode="ed:text"/></xsl:when>
        <xsl:when test="self::pause">pause<xsl:value-of select="@dur ! (', ' || ed:duration(.))"/></xsl:when>
        <xsl:when test="self::shift">
          <xsl:value-of select="string-join((@feature, @new ! ('to ' || .)), ' ')[. != '']"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="(@type, local-name())[1] ! replace(., '[_-]', ' ')"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="not($bracketed)">)</xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- A transcriber's note in a transcription of speech (inside an utterance, or beside one: the speaker's label
       as printed, a comment, an interjection, a time) stands where it was written, set apart from the words. -->
  <xsl:template match="note[ancestor::u or ../u]" mode="ed:text" priority="2">
    <!-- (among the words, in parentheses as a transcript prints an interjection, unless it has its own: else it runs
         into the speech for a screen reader, in the plain text and in print, "Warum?Es sei") -->
    <xsl:variable name="delimited" select="ed:between-blocks(.) or matches(normalize-space(), '^[(\[].*[)\]]$')"/>
    <xsl:element name="{if (ed:between-blocks(.)) then 'p' else 'span'}">
      <xsl:attribute name="class" select="string-join(('note', 'in-place', 'spoken', @type), ' ')"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:if test="not($delimited)">(</xsl:if>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:if test="not($delimited)">)</xsl:if>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
