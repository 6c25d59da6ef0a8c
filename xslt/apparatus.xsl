<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (the TEI's textcrit module): an apparatus kept apart (listApp, as EpiDoc's apparatus
  division has it) as a list of entries, each with its place (@loc: the line), its lemma, its readings with their
  witnesses (@wit, by the sigla of listWit) or sources, and its notes; a variant in the text (app in the running
  text) as its lemma, the readings beside it, in a title and in the page for a reader who shows them. Imported by
  html.xsl and print.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- A reading's witnesses by their sigla (a witness's @n or xml:id, as listWit gives them), else its sources or
       who is responsible for it. -->
  <xsl:function name="ed:witnesses" as="xs:string?">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join((tokenize($reading/@wit) ! (let $w := key('ed:by-id', replace(., '^#', ''),
        root($reading))[1] return ($w/@n, $w/abbr, replace(., '^#', ''))[1] ! normalize-space()),
        tokenize($reading/@source) ! replace(., '^#', ''), ed:resp-name($reading)), ' ')[. != '']"/>
  </xsl:function>

  <!-- A reading as an entry prints it: its words (om. where it has none), then its witnesses. -->
  <xsl:template match="lem | rdg | rdgGrp" mode="ed:apparatus">
    <span class="{local-name()}"><xsl:call-template name="ed:attrs"/>
      <xsl:choose>
        <xsl:when test="self::rdgGrp"><xsl:apply-templates select="lem | rdg" mode="ed:apparatus"/></xsl:when>
        <xsl:when test="normalize-space() or *"><xsl:apply-templates mode="ed:text"/></xsl:when>
        <xsl:otherwise><i>om.</i></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="ed:witnesses(.)[not(current()/self::rdgGrp)]"><xsl:text> </xsl:text><span
          class="wit"><xsl:value-of select="."/></span></xsl:for-each>
      <xsl:if test="self::lem and ../rdg">] </xsl:if>
      <!-- (a reading, or a group of them, set apart from the next: within a group, and across its bounds) -->
      <xsl:if test="(self::rdg or self::rdgGrp) and following-sibling::*[self::rdg or self::rdgGrp]">; </xsl:if>
    </span>
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

  <!-- A variant in the running text: its lemma (else its first reading) where it stands; the other readings beside
       it, in its title, and in the page for a reader who shows them (as a choice's other reading is). -->
  <xsl:template match="app[not(parent::listApp)]" mode="ed:text">
    <xsl:variable name="shown" select="(lem, rdg, rdgGrp/(lem | rdg))[1]"/>
    <!-- (its own readings: a variant within its lemma, app in lem, is shown where it stands by this template) -->
    <xsl:variable name="others" select="(lem | rdg | rdgGrp/(lem | rdg)) except $shown"/>
    <span class="app choice">
      <xsl:call-template name="ed:attrs"/>
      <xsl:attribute name="title" select="string-join(($others, $shown[empty($others)]) ! ((normalize-space()[. != ''],
          'om.')[1] || ed:witnesses(.) ! (' ' || .)), '; ') || note ! (' (' || normalize-space() || ')')"/>
      <xsl:apply-templates select="$shown/node()" mode="ed:text"/>
      <!-- (a lemma alone, an entry that only names the lemma's witnesses: nothing beside it) -->
      <xsl:if test="exists($others | note | wit | witDetail)">
        <span class="rdg alt"> (<xsl:apply-templates select="$others" mode="ed:apparatus"/>
          <xsl:call-template name="ed:app-notes"/>)</span>
      </xsl:if>
    </span>
  </xsl:template>

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
