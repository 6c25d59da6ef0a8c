<?xml version="1.0" encoding="UTF-8"?>
<!--
  The Leiden conventions (Krummrey-Panciera, as the EpiDoc Guidelines encode them), for editions of inscriptions
  and papyri: the one module that says how their editorial interventions are printed. A record follows them when
  it declares itself EpiDoc (its xml-model schema, an EpiDoc idno or encodingDesc) or has EpiDoc's edition division
  transcribed line by line (div type="edition" with lb: a critical edition of a literary text names its edition
  division so too, and follows its own conventions), or when the edition chooses them for all (conventions = "leiden" in edition.toml). Each
  mark's explanation, in its title, is derived from the TEI's own @reason, @cert,
  @precision, @resp, @hand and @rend: never a translator or publisher the TEI does not name.

    supplied lost [abc]  (uncertain [abc?])   supplied omitted <abc>   supplied subaudible (scil. abc)
    supplied from an apograph ⌈abc⌉, from a parallel or a previous editor underlined
    gap lost [- - -] (printed as three hyphens, no spaces), [...] (3 letters), [.7.], [c. 7], [.5-7.], a lost line - - - - - -
    gap illegible  . . . (3 letters), .7.      unclear ạḅc̣ (a dot below each letter)
    expan/ex a(bc)  an abbreviation left unresolved abc(- - -)   del ⟦abc⟧   add above `abc´, below /abc\
    surplus {abc}   choice corr ⸢abc⸣ (the stone's reading in its title), reg shown   space vac., vac. 3, vac. c. 3
    lb a new line, numbered every fifth line (and the first); break="no" joins the word across it, the line ending
    with a hyphen
    handShift (hand 2); div edition, apparatus, translation, commentary, bibliography headed by their kind

  The marks of elements that only editions of this kind use (ex, am, surplus, handShift) apply wherever they occur.
  Imported by html.xsl and print.xsl after conventions.xsl, so that it wins where a record follows Leiden.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The conventions an edition chooses for all its records (conventions = "leiden" in edition.toml). -->
  <xsl:param name="conventions" as="xs:string?"/>
  <!-- Whether a node's document follows the Leiden conventions. -->
  <xsl:function name="ed:leiden" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="doc" select="root($node)"/>
    <xsl:sequence select="$conventions = 'leiden' or exists($doc/processing-instruction('xml-model')[matches(., 'epidoc', 'i')]
        | $doc/*/text/body/div[@type = 'edition'][.//lb]
        | $doc/*/teiHeader/fileDesc/publicationStmt/idno[matches(@type, 'epidoc|^(ddb|tm|hgv)', 'i')]
        | $doc/*/teiHeader/encodingDesc/p[matches(., 'EpiDoc')])"/>
  </xsl:function>

  <xsl:template name="ed:mark">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="why" as="xs:string"/>
    <xsl:param name="open" as="xs:string" select="''"/>
    <xsl:param name="close" as="xs:string" select="''"/>
    <xsl:param name="content" as="item()*"/>
    <span class="{$class} leiden">
      <xsl:call-template name="ed:explain"><xsl:with-param name="why" select="$why"/></xsl:call-template>
      <xsl:call-template name="ed:attrs"/>
      <xsl:value-of select="$open"/><xsl:sequence select="$content"/><xsl:value-of select="$close"/>
    </span>
  </xsl:template>


  <xsl:template match="supplied[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:variable name="forms" select="map{'lost': ('[', ']'), 'omitted': ('&lt;', '&gt;'),
        'subaudible': ('(scil. ', ')'), 'explanation': ('(i.e. ', ')')}"/>
    <!-- (text of no stated reason restored from an earlier copy of the stone, an apograph: ⌈abc⌉; from a parallel
         text or a previous editor: underlined, as the EpiDoc Reference Stylesheets print them) -->
    <xsl:variable name="undefined" select="@reason = 'undefined'"/>
    <xsl:variable name="around" select="if ($undefined and @evidence = 'apograph') then ('&#x2308;', '&#x2309;')
        else if ($undefined and @evidence = ('parallel', 'previouseditor')) then ('', '')
        else ($forms(string(@reason)), '[', ']')[position() le 2]"/>
    <xsl:variable name="lost" select="ed:lost(.)"/>
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'supplied ' || (@reason, 'lost')[1]
          || (if (@evidence = ('parallel', 'previouseditor')) then ' underline' else '')"/>
      <xsl:with-param name="why" select="ed:why('supplied', .)"/>
      <xsl:with-param name="open" select="if ($lost and ed:lost-beside(., 'before')) then '' else $around[1]"/>
      <xsl:with-param name="close" select="ed:doubt(.) || (if ($lost and ed:lost-beside(., 'after')) then ''
          else $around[2])"/>
      <xsl:with-param name="content"><xsl:apply-templates select="node() except ed:closing-notes(.)"
          mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="ed:closing-notes(.)" mode="ed:text"/>
  </xsl:template>

  <!-- Lost text restored or not, side by side, is one lacuna: one pair of brackets ("[pro I]vir", not "[pro] [I]vir";
       a lacuna and a restoration beside it in one pair), as Leiden prints it. Whether an element is lost text (a supplied or gap of reason lost, not
       doubted), and whether the nearest word, mark or line beside it is lost too. -->
  <xsl:function name="ed:lost" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::supplied[not(@reason) or @reason = 'lost'] | self::gap[not(@reason) or
        @reason = 'lost'][not(@unit = 'line')]][not(ed:uncertain(.))])"/>
  </xsl:function>
  <xsl:function name="ed:lost-beside" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:variable name="next" select="ed:beside($e, $side)"/>
    <xsl:sequence select="ed:same-enclosure($e, $next) and (exists($next[self::gap][ed:lost(.)]) or
        exists($next/self::text()/ancestor::supplied[1][ed:lost(.)]))"/>
  </xsl:function>
  <!-- Whether two nodes stand within the same mark (an erasure, an addition...): lost text inside an erasure and a
       lacuna after it are two, each in its own brackets, never one pair across the erasure's edge. -->
  <xsl:function name="ed:same-enclosure" as="xs:boolean">
    <xsl:param name="a" as="node()?"/>
    <xsl:param name="b" as="node()?"/>
    <xsl:variable name="x" select="$a/ancestor::*[ed:enclosing(.)][1]"/>
    <xsl:variable name="y" select="$b/ancestor::*[ed:enclosing(.)][1]"/>
    <xsl:sequence select="exists($b) and (if (empty($x)) then empty($y) else exists($y) and $x is $y)"/>
  </xsl:function>
  <xsl:function name="ed:enclosing" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::del or self::add or self::surplus or self::subst or self::choice or self::app
        or self::unclear or self::hi])"/>
  </xsl:function>
  <!-- The nearest word, mark or line break beside an element within its block (ab, p, div, l), before or after. -->
  <xsl:function name="ed:beside" as="node()?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:variable name="block" select="$e/ancestor::*[self::ab or self::p or self::div or self::l][1]//node()"/>
    <xsl:sequence select="if ($side = 'before') then ($e/preceding::node()[ed:leiden-stop(.)] intersect $block)[last()]
        else ($e/following::node()[ed:leiden-stop(.)] except $e//node() intersect $block)[1]"/>
  </xsl:function>
  <xsl:function name="ed:leiden-stop" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/self::text()[normalize-space()] | $n/self::gap | $n/self::space | $n/self::lb
        | $n/self::g | $n/self::handShift)"/>
  </xsl:function>

  <!-- Whether a lacuna of unknown extent follows one (two such gaps side by side are one lacuna). -->
  <xsl:function name="ed:lost-gap-before" as="xs:boolean">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="exists(ed:beside($gap, 'before')[self::gap][ed:lost(.)][ed:extent(.) = '---'])"/>
  </xsl:function>

  <!-- How much is lost or illegible: by its quantity (or range) in characters, else by its extent. -->
  <xsl:function name="ed:extent" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="n" select="($gap/@quantity, $gap/@extent[. castable as xs:integer])[1]"/>
    <xsl:sequence select="if ($gap/@atLeast and $gap/@atMost) then '.' || $gap/@atLeast || '-' || $gap/@atMost || '.'
        else if (empty($n)) then '---'
        else if ($gap/@precision = 'low') then 'c. ' || $n
        else if (xs:integer($n) le 3 and xs:integer($n) ge 1) then string-join((1 to xs:integer($n)) ! '.', '')
        else '.' || $n || '.'"/>
  </xsl:function>

  <xsl:template match="gap[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:variable name="lines" select="@unit = 'line'"/>
    <xsl:variable name="n" select="(@quantity, @extent[. castable as xs:integer])[1]"/>
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'gap ' || (@reason, 'lost')[1] || (if ($lines) then ' lines' else '')"/>
      <xsl:with-param name="why" select="ed:why('gap', .) || (if ($n) then '; ' || $n || ' ' || (@unit,
          'character')[1] || (if ($n != '1') then 's' else '') else if (@extent) then '; extent ' || @extent else '')"/>
      <xsl:with-param name="content" select="if ($lines) then (if ($n) then '- - - ' || $n || ' line' ||
          (if ($n != '1') then 's' else '') || ' - - -' else '- - - - - -')
          else if (@reason = 'illegible') then ed:extent(.)
          else if (@reason = 'omitted') then '&lt;' || ed:extent(.) || '&gt;'
          else (if (ed:lost-beside(., 'before')) then '' else '[')
            || (if (ed:extent(.) = '---' and ed:lost-gap-before(.)) then '' else ed:extent(.))
            || (if (ed:lost-beside(., 'after')) then '' else ']')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Unclear letters: each with a dot below (U+0323). -->
  <xsl:template match="unclear[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'unclear'"/>
      <xsl:with-param name="why" select="ed:why('unclear', .)"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="text()[ancestor::unclear][ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:value-of select="replace(normalize-unicode(., 'NFC'), '(\S)', '$1&#x0323;')"/>
  </xsl:template>

  <xsl:template match="expan[ed:leiden(.)] | choice[ed:leiden(.)][expan][not(corr | reg)]" mode="ed:text"
      priority="3">
    <span class="expan leiden" title="{ed:why('abbreviation expanded', .)}"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates select="if (self::choice) then expan/node() else node()" mode="ed:text"/></span>
  </xsl:template>
  <xsl:template match="ex" mode="ed:text" priority="3">
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'ex'"/>
      <xsl:with-param name="why" select="ed:why('expansion', .)"/>
      <xsl:with-param name="open" select="'('"/>
      <xsl:with-param name="close" select="ed:doubt(.) || ')'"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- An abbreviation's mark (am) is the stone's, not the reading's: the expanded reading leaves it out. -->
  <xsl:template match="am[ancestor::expan]" mode="ed:text" priority="3"/>
  <xsl:template match="abbr[not(ancestor::expan | parent::choice)][ed:leiden(.)]" mode="ed:text" priority="3">
    <span class="abbr leiden" title="abbreviation, not resolved"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates mode="ed:text"/>(- - -)</span>
  </xsl:template>

  <xsl:template match="del[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'del ' || (@rend, 'erasure')[1]"/>
      <xsl:with-param name="why" select="ed:why('deleted', .)"/>
      <xsl:with-param name="open" select="'&#x27E6;'"/>
      <xsl:with-param name="close" select="'&#x27E7;'"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="add[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:variable name="around" select="if (@place = 'below') then ('/', '\') else if (@place = 'above') then
        ('`', '&#x00B4;') else ('`', '&#x00B4;')"/>
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'add ' || (@place, 'above')[1]"/>
      <xsl:with-param name="why" select="ed:why('added' || @place ! (' ' || .), .)"/>
      <xsl:with-param name="open" select="$around[1]"/>
      <xsl:with-param name="close" select="$around[2]"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- A substitution shows both: the deleted in double brackets, the added as added. -->
  <xsl:template match="subst[ed:leiden(.)]" mode="ed:text" priority="3">
    <span class="subst leiden"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <xsl:template match="surplus" mode="ed:text" priority="3">
    <xsl:call-template name="ed:mark">
      <xsl:with-param name="class" select="'surplus'"/>
      <xsl:with-param name="why" select="ed:why('superfluous', .)"/>
      <xsl:with-param name="open" select="'{'"/>
      <xsl:with-param name="close" select="'}'"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="ed:text"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A correction: the corrected reading in half brackets, the original's in its title; a regularisation: the
       regular form, the original's in its title. -->
  <xsl:template match="choice[ed:leiden(.)][corr | reg]" mode="ed:text" priority="3">
    <xsl:variable name="shown" select="(corr, reg)[1]"/>
    <xsl:variable name="source" select="(sic, orig)[1]"/>
    <span class="choice leiden" title="{ed:why(if ($shown/self::corr) then 'corrected' else 'regularised',
        $shown) || $source ! ('; the text has: ' || normalize-space(.))}"><xsl:call-template name="ed:attrs"/>
      <xsl:value-of select="if ($shown/self::corr) then '&#x2E22;' else ''"/>
      <xsl:apply-templates select="$shown/node()" mode="ed:text"/>
      <xsl:value-of select="if ($shown/self::corr) then ed:doubt($shown) || '&#x2E23;' else ed:doubt-after($shown)"/>
    </span>
  </xsl:template>
  <!-- The readings of the text those corrections and regularisations set aside, after the edition division as an
       apparatus generated from its markup (as papyri.info prints the DDbDP's): each by its line (and its part,
       where the text has several), so that the text's own reading is read on the page and in print, not only in
       a title. -->
  <xsl:template match="div[@type = 'edition'][ed:leiden(.)]" mode="ed:text" priority="4">
    <xsl:next-match/>
    <xsl:variable name="choices" select=".//choice[corr | reg][sic | orig]"/>
    <xsl:variable name="parts" select="count(.//div[@type = 'textpart']) gt 1"/>
    <xsl:if test="$choices">
      <section class="readings">
        <xsl:element name="h{min((count(ancestor::div) + 3, 6))}">
          <xsl:attribute name="class" select="'head'"/>Corrections and regularisations</xsl:element>
        <ul class="apparatus">
          <xsl:for-each select="$choices">
            <xsl:variable name="shown" select="(corr, reg)[1]"/>
            <xsl:variable name="part" select="ancestor::div[@type = 'textpart'][1]/@n"/>
            <li class="app">
              <span class="loc"><xsl:value-of select="($part[$parts],
                  preceding::lb[1][ancestor::div[@type = 'edition']]/@n)"/></span>
              <xsl:text> </xsl:text>
              <span class="lem"><xsl:apply-templates select="$shown/node()" mode="ed:text"/></span>
              <xsl:value-of select="': ' || ed:why(if ($shown/self::corr) then 'corrected' else 'regularised', $shown)
                  || '; the text has '"/>
              <span class="rdg"><xsl:apply-templates select="(sic, orig)[1]/node()" mode="ed:text"/></span>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>
  <xsl:template match="sic[not(parent::choice)][ed:leiden(.)]" mode="ed:text" priority="3">
    <span class="sic leiden" title="so the text: not corrected"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates mode="ed:text"/> (!)</span>
  </xsl:template>

  <xsl:template match="space[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:variable name="n" select="(@quantity, @extent[. castable as xs:integer])[1]"/>
    <span class="space leiden" title="{ed:why('space left blank', .)}"><xsl:call-template name="ed:attrs"/>
      <xsl:value-of select="if (@unit = 'line') then ' vacat ' else ' vac.' || $n ! (' ' || (if (../@precision = 'low')
          then 'c. ' else '') || .) || ' '"/></span>
  </xsl:template>

  <!-- A new line of the text; its number every fifth line and at the first. A break inside a word joins it. -->
  <xsl:template match="lb[ed:leiden(.)]" mode="ed:text" priority="3">
    <xsl:variable name="block" select="ancestor::*[self::ab or self::p or self::div or self::l or self::lg][1]"/>
    <xsl:variable name="first" select="empty(($block//lb intersect preceding::lb,
        $block//text()[normalize-space()] intersect preceding::text()))"/>
    <!-- (a word broken over the line ends its line with a hyphen, as the EpiDoc Reference Stylesheets print it) -->
    <xsl:if test="not($first) and @break = 'no'"><span class="hyphen">-</span></xsl:if>
    <xsl:if test="not($first)"><br/></xsl:if>
    <xsl:if test="@n and ($first or not(@n castable as xs:integer) or xs:integer(@n) mod 5 = 0)">
      <span class="ln"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>
  <!-- The space or line end before a break inside a word is no space of the text. -->
  <xsl:template match="text()[following-sibling::node()[1][self::lb[@break = 'no']]][ed:leiden(.)]" mode="ed:text"
      priority="3">
    <xsl:value-of select="ed:trim-end(., ' &#9;&#10;&#13;')"/>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1][self::lb[@break = 'no']]][ed:leiden(.)]" mode="ed:text"
      priority="3">
    <xsl:value-of select="replace(., '^\s+', '')"/>
  </xsl:template>

  <xsl:template match="handShift" mode="ed:text" priority="3">
    <span class="handshift" title="{ed:why('the hand changes', .)}">
      <xsl:value-of select="@new ! ('(hand ' || replace(., '^#', '') || ') ')"/></span>
  </xsl:template>

  <!-- EpiDoc's standard divisions, headed by what they are where they have no head of their own; a part of the
       text (textpart) by its number. -->
  <xsl:variable name="ed:epidoc-divisions" as="map(xs:string, xs:string)" select="map{'edition': 'Text',
      'apparatus': 'Apparatus', 'translation': 'Translation', 'commentary': 'Commentary',
      'bibliography': 'Bibliography', 'textpart': 'Part'}"/>
  <xsl:template match="div[@type = map:keys($ed:epidoc-divisions)][not(head)][ed:leiden(.)]" mode="ed:text"
      priority="3">
    <xsl:call-template name="ed:headed-division">
      <xsl:with-param name="kind" select="$ed:epidoc-divisions(string(@type))"/>
    </xsl:call-template>
  </xsl:template>
  <!-- (a division the template left blank, <app><note/></app> or <p/>, is no division to head: its words, none, and
       its id are kept) -->
  <xsl:template match="div[@type = map:keys($ed:epidoc-divisions)][not(head)][ed:leiden(.)][ed:blank(.)]" mode="ed:text"
      priority="5">
    <div class="div {@type}{@subtype ! (' ' || .)}"><xsl:call-template name="ed:attrs"/></div>
  </xsl:template>
</xsl:stylesheet>
