<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (the TEI's textcrit module): an apparatus kept apart (listApp, as EpiDoc's apparatus
  division has it) as a list of entries, each with its place (@loc: the line), its lemma, its readings with their
  witnesses (@wit, by the sigla of listWit) or sources, and its notes; a variant in the text (app in the running
  text) as its lemma marked where it stands, with its entry in an apparatus after the text (a footnote in print).
  Imported by html.xsl and print.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- A reading's witnesses by their sigla (a witness's @n or xml:id, as listWit gives them), else its sources or
       who is responsible for it, after what they did where its type says so, as an apparatus abbreviates it:
       "corr. Annette von Stockhausen", "coni. Wilamowitz". -->
  <xsl:function name="ed:witnesses" as="xs:string?">
    <xsl:param name="reading" as="element()"/>
    <xsl:variable name="did" select="$reading/@type ! $ed:interventions(lower-case(normalize-space(.)))"/>
    <xsl:sequence select="string-join((tokenize($reading/@wit) ! (let $w := key('ed:by-id', replace(., '^#', ''),
        root($reading))[1] return ($w/@n, $w/abbr, replace(., '^#', ''))[1] ! normalize-space()),
        tokenize($reading/@source) ! replace(., '^#', ''), ed:resp-name($reading) ! string-join(($did, .), ' ')),
        ' ')[. != '']"/>
  </xsl:function>
  <xsl:variable name="ed:interventions" as="map(xs:string, xs:string)" select="map{'correction': 'corr.',
      'corr': 'corr.', 'conjecture': 'coni.', 'coni': 'coni.', 'emendation': 'em.', 'addition': 'add.',
      'deletion': 'del.', 'supplement': 'suppl.', 'transposition': 'transp.'}"/>

  <!-- A reading as an entry prints it: its words (om. where it has none), then its witnesses. -->
  <xsl:template match="lem | rdg | rdgGrp" mode="ed:apparatus">
    <span class="{local-name()}"><xsl:call-template name="ed:attrs"/>
      <xsl:choose>
        <xsl:when test="self::rdgGrp"><xsl:apply-templates select="lem | rdg" mode="ed:apparatus"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="ed:reading"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="self::lem and ../rdg">] </xsl:if>
      <!-- (a reading, or a group of them, set apart from the next: within a group, and across its bounds) -->
      <xsl:if test="(self::rdg or self::rdgGrp) and following-sibling::*[self::rdg or self::rdgGrp]">; </xsl:if>
    </span>
  </xsl:template>

  <!-- A reading's words (om. where it has none), then its witnesses. -->
  <xsl:template name="ed:reading">
    <xsl:choose>
      <xsl:when test="normalize-space() or *"><xsl:apply-templates mode="ed:text"/></xsl:when>
      <xsl:otherwise><i>om.</i></xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="ed:witnesses(.)"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="."
        /></span></xsl:for-each>
  </xsl:template>

  <!-- An apparatus: its heading, then its entries; an apparatus within it (a part's, a witness group's: listApp
       n="A") an entry of its own holding its entries, headed by its number; any other child (a note) in its place. -->
  <xsl:template match="listApp" mode="ed:text">
    <xsl:apply-templates select="head" mode="ed:text"/>
    <ul class="apparatus"><xsl:call-template name="ed:attrs"/>
      <xsl:for-each select="* except head">
        <xsl:choose>
          <xsl:when test="self::app">
            <li class="app"><xsl:call-template name="ed:attrs"/>
              <xsl:if test="@loc"><span class="loc"><xsl:value-of select="@loc"/></span><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates select="lem | rdg | rdgGrp" mode="ed:apparatus"/>
              <xsl:call-template name="ed:app-notes"/>
            </li>
          </xsl:when>
          <xsl:when test="self::listApp">
            <li class="listApp"><xsl:if test="@n"><span class="loc"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates select="." mode="ed:text"/></li>
          </xsl:when>
          <xsl:otherwise><li class="{local-name()}"><xsl:apply-templates select="." mode="ed:text"/></li></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </ul>
  </xsl:template>
  <!-- What an entry says besides its readings: its notes, its witnesses named apart, details of a witness (A²). -->
  <xsl:template name="ed:app-notes">
    <xsl:for-each select="note | wit | witDetail">
      <xsl:text> </xsl:text><span class="{local-name()}{if (self::note) then ' in-place' else ''}"><xsl:apply-templates
          mode="ed:text"/><xsl:if test="self::witDetail and @wit and not(normalize-space())"><xsl:value-of
          select="tokenize(@wit) ! replace(., '^#', '')"/></xsl:if></span>
    </xsl:for-each>
  </xsl:template>

  <!-- A variant in the running text (parallel segmentation): its lemma (else its first reading) where it stands,
       marked by a letter (letters for the apparatus, numbers for the notes, as critical editions key them) that leads
       to its entry in the apparatus after the text (ed:variant-entries); its readings also beside it, for a reader
       who shows the source's readings in the text, and in its title. A lemma alone, an entry that only names the
       lemma's witnesses, has no mark and nothing beside it. -->
  <xsl:template match="app[not(parent::listApp)]" mode="ed:text">
    <xsl:param name="ed:note-numbers" as="map(xs:string, xs:integer)" select="map{}" tunnel="yes"/>
    <xsl:variable name="n" select="$ed:note-numbers(generate-id(.))"/>
    <xsl:variable name="entry" select="ed:has-entry(.)"/>
    <span class="app">
      <xsl:call-template name="ed:attrs"/>
      <xsl:if test="$entry"><xsl:attribute name="title" select="ed:variant-summary(.)"/></xsl:if>
      <xsl:apply-templates select="ed:lemma(.)/node()" mode="ed:text"/>
      <xsl:if test="$entry">
        <xsl:if test="exists($n)"><a class="note-mark app-mark" id="{ed:variant-id(.)}-ref" href="#{ed:variant-id(.)}"
            role="doc-noteref"><sup><xsl:value-of select="format-integer($n, 'a')"/></sup></a></xsl:if>
        <!-- (the readings as the entry prints them, their marks kept, their ids only in the entry) -->
        <xsl:variable name="readings"><xsl:call-template name="ed:variant-readings"/></xsl:variable>
        <span class="rdg alt"> (<xsl:apply-templates select="$readings" mode="ed:without-ids"/>)</span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- The reading a variant shows in the text: its lemma (in a group of readings too), else its first reading. -->
  <xsl:function name="ed:lemma" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/lem, $app/rdgGrp/lem, $app/rdg, $app/rdgGrp/rdg)[1]"/>
  </xsl:function>
  <!-- Its other readings, a group's one by one. -->
  <xsl:function name="ed:readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/(lem | rdg | rdgGrp/(lem | rdg))) except ed:lemma($app)"/>
  </xsl:function>
  <xsl:function name="ed:has-entry" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="exists(ed:readings($app) | $app/(note | wit | witDetail)[normalize-space() or *])"/>
  </xsl:function>

  <!-- The variants of a text that have an entry in its apparatus, in the order of their marks (ed:note-numbers
       gives their letters): a variant within a lemma before the variant that holds it, whose mark follows it. -->
  <xsl:function name="ed:variants" as="element()*">
    <xsl:param name="text" as="node()*"/>
    <xsl:variable name="apps" select="$text//app[not(parent::listApp)][not(ancestor::teiHeader)][ed:has-entry(.)]"/>
    <xsl:sequence select="if (empty($apps[ancestor::app])) then $apps else sort($apps, (), function($a) {
        count($a/preceding::app intersect $apps) + count($a//app intersect $apps) })"/>
  </xsl:function>
  <xsl:function name="ed:variant-id" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="if ($app/@xml:id) then ed:html-id($app) || '-entry' else ed:made-id($app, 'app')"/>
  </xsl:function>

  <!-- A variant's readings as words: each reading (om. where it has none) with its witnesses, then its notes. -->
  <xsl:function name="ed:variant-summary" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="string-join((ed:readings($app), ed:lemma($app)[empty(ed:readings($app))]) !
        ((ed:reading-words(.)[. != ''], 'om.')[1] || ed:witnesses(.) ! (' ' || .)), '; ')
        || $app/(note | wit | witDetail)[normalize-space()] ! (' (' || normalize-space() || ')')"/>
  </xsl:function>

  <!-- A reading's words as a summary gives them, a gap in it as the text shows one ([...]): a witness whose words are
       lost or illegible there does not omit them. -->
  <xsl:function name="ed:reading-words" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($reading//(text() | gap) ! (if (self::gap) then '[...]'
        else string(.))))"/>
  </xsl:function>

  <!-- The lemma as an entry repeats it: its words (not those of a variant within it, nor its notes), a long one by its
       first and last word ("et … voce]"). -->
  <xsl:function name="ed:lemma-words" as="xs:string">
    <xsl:param name="lemma" as="element()?"/>
    <xsl:variable name="inside" select="$lemma//(rdg | rdgGrp | note | wit | witDetail)"/>
    <xsl:variable name="words" select="tokenize(normalize-space(string-join($lemma//text()[empty(ancestor::* intersect
        $inside)])))"/>
    <xsl:sequence select="if (count($words) gt 4) then $words[1] || ' &#x2026; ' || $words[last()]
        else string-join($words, ' ')"/>
  </xsl:function>

  <!-- The apparatus of the variants in the text, after it (with the notes): each entry by its letter, leading back to
       its mark, then lemma] readings witnesses. -->
  <xsl:template name="ed:variant-entries">
    <xsl:param name="variants" as="element()*"/>
    <xsl:param name="ed:note-numbers" as="map(xs:string, xs:integer)" tunnel="yes"/>
    <xsl:if test="exists($variants)">
      <section class="notes variants" aria-label="Apparatus">
        <h2 class="notes-head">Apparatus</h2>
        <ul class="notes apparatus">
          <xsl:for-each select="$variants">
            <li class="app" id="{ed:variant-id(.)}" role="doc-endnote">
              <a class="note-back" href="#{ed:variant-id(.)}-ref"><xsl:value-of
                  select="format-integer($ed:note-numbers(generate-id(.)), 'a')"/></a>
              <xsl:text> </xsl:text>
              <xsl:call-template name="ed:variant-entry"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>
  <!-- An entry's words: the lemma and its witnesses, then the other readings and the entry's notes. -->
  <xsl:template name="ed:variant-entry">
    <xsl:variable name="lemma" select="ed:lemma(.)"/>
    <span class="lem"><xsl:value-of select="ed:lemma-words($lemma)"/></span>
    <xsl:for-each select="$lemma ! ed:witnesses(.)"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="."
        /></span></xsl:for-each>
    <xsl:if test="ed:readings(.)">] </xsl:if>
    <xsl:call-template name="ed:variant-readings"/>
  </xsl:template>
  <!-- (its readings, then its notes) -->
  <xsl:template name="ed:variant-readings">
    <xsl:for-each select="ed:readings(.)">
      <xsl:if test="position() gt 1">; </xsl:if>
      <span class="{local-name()}"><xsl:call-template name="ed:attrs"/><xsl:call-template name="ed:reading"/></span>
    </xsl:for-each>
    <xsl:call-template name="ed:app-notes"/>
  </xsl:template>
  <xsl:mode name="ed:without-ids" on-no-match="shallow-copy"/>
  <xsl:template match="@id" mode="ed:without-ids"/>

  <!-- The witnesses: their sigla and what they are (the siglum kept in the description too, where it is written
       there); a group of witnesses under its own siglum. -->
  <xsl:template match="listWit" mode="ed:text">
    <div class="listWit"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates select="head" mode="ed:text"/>
      <dl class="witnesses">
        <xsl:for-each select="witness | listWit">
          <dt><xsl:call-template name="ed:attrs"/><xsl:value-of select="(@n, abbr[@type = 'siglum'], @xml:id)[1] !
              normalize-space()"/></dt>
          <!-- (a witness described elsewhere: what it points to, "ESum039") -->
          <dd><xsl:apply-templates select="if (self::listWit) then . else node()" mode="ed:text"/><xsl:if test="self::witness
              and not(normalize-space())"><xsl:value-of select="(@corresp, @source, @ref) ! normalize-space()"/></xsl:if></dd>
        </xsl:for-each>
      </dl>
    </div>
  </xsl:template>
</xsl:stylesheet>
