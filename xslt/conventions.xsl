<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's editorial conventions, rendered: the one XSLT module that says how every bracket, supplied word,
  sic, gap, translator's insertion, remark on delivery, excerpt notice and source note is printed. The web
  stylesheet (html.xsl) and the print stylesheet import it; its Python twin is edition/conventions.py
  (reading_text), and a test keeps the two in agreement on every record.

  It adds to tei.xsl (TEI in general) what is particular to records of conversations: openers and datelines,
  speaker turns with their anchors, lists in speech, and the editorial conventions, in mode ed:text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Printed forms (the values of edition/conventions.py). -->
  <xsl:variable name="ed:gap-forms" as="map(xs:string, xs:string)"
      select="map{'brackets': '[...]', 'brackets-ellipsis': '[&#x2026;]', 'brackets-spaced': '[. . .]'}"/>

  <xsl:variable name="ed:list-marks" as="map(xs:string, xs:string)"
      select="map{'dash': '- ', 'endash': '&#x2013; ', 'bullet': '&#x2022; ', 'asterisk': '* '}"/>

  <xsl:variable name="ed:sic-mark" as="xs:string" select="' [sic]'"/>

  <!-- A turn's speaker as a reader names it: the printed label without its closing punctuation ("Gorbachev" for
       "Gorbachev." or "Gorbachev:"); none where the label is empty. -->
  <xsl:function name="ed:speaker-name" as="xs:string?">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="ed:trim-end(normalize-space(string-join($sp/speaker, ' ')), ' .:,;')[. != '']"/>
  </xsl:function>

  <xsl:template match="opener" mode="ed:text">
    <div class="opener"><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>

  <xsl:template match="dateline" mode="ed:text">
    <p class="dateline"><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>

  <!-- A line the source prints with its number (a court reporter's transcript): the number where it begins. -->
  <xsl:template match="lb[tokenize(@rend) = 'numbered']" mode="ed:text">
    <span class="ln"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="sp" mode="ed:text">
    <section class="sp">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="@xml:id"/>
      </xsl:if>
      <xsl:if test="@xml:id">
        <a class="anchor" href="#{@xml:id}" aria-label="{'Link to turn ' || (count(preceding-sibling::sp) + 1)
            || ed:speaker-name(.) ! (' (' || . || ')')}"/>
      </xsl:if>
      <xsl:if test="tokenize(@rend) = 'section'"><span class="section-mark">§ </span></xsl:if>
      <xsl:sequence select="ed:number(.)"/>
      <!-- a speech that prints no speaker but names who speaks (@who): headed by their names, in brackets, as the
           edition supplies them -->
      <xsl:if test="not(speaker) and @who">
        <xsl:variable name="names" select="ed:who-ids(.) ! (let $p :=
            ed:named(., current())[self::person or self::personGrp or self::role][1] return
            ($p ! ed:person-name(.), .)[1])"/>
        <xsl:variable name="made" as="element()">
          <speaker xmlns="http://www.tei-c.org/ns/1.0">[<xsl:value-of select="string-join($names, ', ')"/>]</speaker>
        </xsl:variable>
        <xsl:apply-templates select="$made[exists($names)]" mode="ed:text"/>
      </xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </section>
  </xsl:template>

  <!-- ed:register-href (a tunnel parameter): the register's address from the page being written. -->
  <xsl:template match="speaker" mode="ed:text">
    <xsl:param name="ed:register-href" as="xs:string" select="'persons.html'" tunnel="yes"/>
    <xsl:variable name="who" select="ed:person-href(ed:target(../@who), ., $ed:register-href)"/>
    <!-- a turn's heading (with an id: the search's results lead to the turn, with its speaker apart from the
         words; print.xsl keeps it a paragraph) -->
    <h3 class="speaker">
      <xsl:if test="../@xml:id"><xsl:attribute name="id" select="../@xml:id || '-speaker'"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$who">
          <a href="{$who}"><xsl:apply-templates mode="ed:text"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="ed:text"/></xsl:otherwise>
      </xsl:choose>
    </h3>
  </xsl:template>

  <!-- The editorial conventions as a record's header declares them ("printed [...]; encoded <gap .../>; rendered
       [...]"): a table, the printed and rendered forms as text, the encoding as code, so that no reader meets raw
       TEI in a sentence. A list whose items are not all of that form is a list like any other. -->
  <xsl:variable name="ed:convention" select="'^printed (.*?); encoded (.*?); rendered (.*?)\.?$'"/>
  <xsl:template match="editorialDecl//list[@type = 'gloss'][every $i in item satisfies matches(normalize-space($i),
      $ed:convention)]" mode="ed:text" priority="1">
    <table class="conventions">
      <thead><tr><th scope="col">Convention</th><th scope="col">Printed</th><th scope="col">Encoded</th>
        <th scope="col">Shown</th></tr></thead>
      <tbody>
        <xsl:for-each select="item">
          <xsl:variable name="parts" select="analyze-string(normalize-space(.), $ed:convention)//*:group"/>
          <tr>
            <th scope="row"><xsl:value-of select="normalize-space(preceding-sibling::label[1])"/></th>
            <td><xsl:value-of select="$parts[@nr = 1]"/></td>
            <td><code><xsl:value-of select="$parts[@nr = 2]"/></code></td>
            <td><xsl:value-of select="$parts[@nr = 3]"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- Lists in speech, as the records print them (their marks and numbers). -->
  <xsl:template match="list[ancestor::div[@type = 'record']]" mode="ed:text">
    <xsl:sequence select="ed:number(.)"/>
    <ul class="list {@rend}"><xsl:apply-templates select="item" mode="ed:text"/></ul>
  </xsl:template>

  <xsl:template match="list[@type = 'gloss']" mode="ed:text">
    <dl><xsl:apply-templates mode="ed:text"/></dl>
  </xsl:template>

  <xsl:template match="list[@type = 'gloss']/label" mode="ed:text">
    <dt><xsl:apply-templates mode="ed:text"/></dt>
  </xsl:template>

  <xsl:template match="list[@type = 'gloss']/item" mode="ed:text" priority="2">
    <dd><xsl:apply-templates mode="ed:text"/></dd>
  </xsl:template>

  <xsl:template match="item[ancestor::div[@type = 'record']]" mode="ed:text">
    <li>
      <xsl:variable name="mark" select="if (../@rend = 'numbered' and @n) then @n || '. '
          else $ed:list-marks(string(../@rend))"/>
      <xsl:if test="exists($mark)"><span class="mark"><xsl:value-of select="$mark"/></span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </li>
  </xsl:template>

  <!-- The editorial conventions of records of conversations. Each mark says what it means (ed:explain, tei.xsl). -->

  <xsl:template match="gap[ancestor::div[@type = 'record']]" mode="ed:text">
    <span class="gap"><xsl:call-template name="ed:explain"><xsl:with-param name="why"
        select="'omitted by the publisher'"/></xsl:call-template>
      <xsl:value-of select="($ed:gap-forms(string((@rend, 'brackets')[1])), '[...]')[1]"/>
    </span>
  </xsl:template>

  <!-- Enclosures as printed (conventions.ENCLOSURES): @rend brackets or parentheses. -->
  <xsl:function name="ed:enclosure" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (tokenize($e/@rend) = 'brackets') then ('[', ']')
      else if (tokenize($e/@rend) = 'parentheses') then ('(', ')') else ('', '')"/>
  </xsl:function>

  <!-- A page's furniture, as printed: a classification mark in a paragraph, a banner or page number on its own. -->
  <xsl:template match="fw" mode="ed:text">
    <xsl:element name="{if (parent::div or parent::sp or parent::body or parent::front or parent::back)
        then 'p' else 'span'}">
      <xsl:attribute name="class" select="'fw ' || @type"/>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>

  <!-- A notice of what the record leaves out, printed in its words: [omission in transcript]. -->
  <xsl:template match="gap[desc]" mode="ed:text">
    <xsl:variable name="around" select="ed:enclosure(.)"/>
    <span class="gap"><xsl:call-template name="ed:explain"><xsl:with-param name="why" select="if (@reason =
        'redacted') then 'withheld by a declassification review' else if (@reason = ('illegible', 'inaudible'))
        then string(@reason) else 'omitted'"/></xsl:call-template>
      <xsl:value-of select="$around[1] || normalize-space(ed:desc(.)) || $around[2]"/>
    </span>
  </xsl:template>

  <!-- An event in the room ([Laughter]) and a note printed in the text ([lit., ...]). -->
  <xsl:template match="stage[@type = 'incident'] | note[@place = 'inline'][@type = ('editorial', 'literal', 'time')][ancestor::div[@type = 'record']]"
      mode="ed:text">
    <xsl:variable name="around" select="ed:enclosure(.)"/>
    <span class="{if (self::stage) then 'stage incident' else 'inline-note ' || @type}">
      <xsl:value-of select="$around[1]"/>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:value-of select="$around[2]"/>
    </span>
  </xsl:template>

  <!-- A page of the source publication begins: printed [Page 283]. -->
  <xsl:template match="pb[tokenize(@rend) = 'page']" mode="ed:text">
    <span class="pb page">[Page <xsl:value-of select="@n"/>]</span>
  </xsl:template>

  <xsl:template match="supplied[ancestor::div[@type = 'record']]" mode="ed:text">
    <span class="supplied"><xsl:call-template name="ed:explain"><xsl:with-param name="why"
        select="'supplied by the translator'"/></xsl:call-template>[<xsl:apply-templates mode="ed:text"/>]</span>
  </xsl:template>

  <xsl:template match="sic[not(parent::choice)]" mode="ed:text">
    <span class="sic"><xsl:apply-templates mode="ed:text"/></span>
    <span class="sic-mark"><xsl:call-template name="ed:explain"><xsl:with-param name="why"
        select="'so in the source'"/></xsl:call-template><xsl:value-of select="if (node()) then $ed:sic-mark
        else normalize-space($ed:sic-mark)"/></span>
  </xsl:template>

  <xsl:template match="note[@type = 'translator'][ancestor::div[@type = 'record']]" mode="ed:text">
    <span class="translator-note"><xsl:call-template name="ed:explain"><xsl:with-param name="why"
        select="'inserted by the translator'"/></xsl:call-template>(<i><xsl:apply-templates mode="ed:text"/></i>)</span>
  </xsl:template>

  <xsl:template match="stage[@type = 'delivery']" mode="ed:text">
    <span class="stage delivery">(<xsl:apply-templates mode="ed:text"/>)</span>
  </xsl:template>

  <!-- A stage direction: a paragraph of its own between turns, inline within a line or a turn's words. -->
  <xsl:template match="stage" mode="ed:text">
    <xsl:element name="{if (parent::p or parent::l or parent::ab or parent::seg or parent::speaker or parent::hi
        or parent::q or parent::quote[parent::p]) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'stage'"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>

  <!-- In the edition's own records every note is rendered where it stands; in other TEI, apart (tei.xsl). -->
  <xsl:function name="ed:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="not($note/ancestor::div[@type = 'record'])"/>
  </xsl:function>

  <!-- Where a pointer to a person (sp/@who, persName/@ref) leads: the edition's register when it lists the person,
       else the element of the same document's text that bears the id (a letter's list of persons), else the
       record's facts where it lists its own persons (records.xsl), else nowhere. -->
  <xsl:function name="ed:person-href" as="xs:string?">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="register-href" as="xs:string"/>
    <xsl:sequence select="if (not($id)) then () else if (ed:in-register($id)) then ed:person-page($id, $register-href)
        else if (key('ed:by-id', $id, root($context))[ancestor::text or ancestor::standOff]) then '#' || $id
        else if (ed:own-persons($context)[@xml:id = $id]) then '#person-' || $id else ()"/>
  </xsl:function>

  <!-- Where the register's entry of a person is, from a page whose way to the register is $register-href: the
       person's section there (html.xsl publishes a large register as pages, and overrides this). -->
  <xsl:function name="ed:person-page" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="register-href" as="xs:string"/>
    <xsl:sequence select="$register-href || '#' || $id"/>
  </xsl:function>

  <!-- Whether the edition's register lists an id: records.xsl knows the register. -->
  <xsl:function name="ed:in-register" as="xs:boolean">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="true()"/>
  </xsl:function>

  <xsl:template match="note[@type = 'excerpt'][ancestor::div[@type = 'record']]" mode="ed:text">
    <p class="excerpt">[<xsl:apply-templates mode="ed:text"/>]</p>
  </xsl:template>

  <xsl:template match="note[@type = 'source'][ancestor::div[@type = 'record']]" mode="ed:text">
    <xsl:variable name="rend" select="tokenize(@rend)"/>
    <p class="source-note{if ($rend = 'italic') then ' italic' else ''}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:sequence select="ed:number(.)"/>
      <xsl:if test="$rend = 'brackets'">[</xsl:if>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:if test="$rend = 'brackets'">]</xsl:if>
    </p>
  </xsl:template>

  <!-- A footnote mark links to its footnote; one whose footnote the transcript does not print (no @target) is
       the printed number alone, and says so. -->
  <xsl:template match="ref[@type = 'footnote']" mode="ed:text">
    <xsl:variable name="around" select="if (@rend = 'plain') then ('', '') else ('[', ']')"/>
    <xsl:variable name="mark" as="node()*">
      <xsl:value-of select="$around[1]"/><xsl:apply-templates mode="ed:text"/><xsl:value-of select="$around[2]"/>
    </xsl:variable>
    <sup class="footnote-mark">
      <xsl:choose>
        <xsl:when test="@target"><a href="#{ed:target(@target)}"><xsl:sequence select="$mark"/></a></xsl:when>
        <xsl:otherwise><span title="footnote {@n}: not in the transcript"><xsl:sequence select="$mark"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <xsl:template match="note[@type = 'footnote'][ancestor::div[@type = 'record']]" mode="ed:text">
    <p class="footnote">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:value-of select="if (@rend = 'plain') then @n || '. ' else '[' || @n || '] '"/>
      <xsl:apply-templates mode="ed:text"/>
    </p>
  </xsl:template>

  <xsl:template match="persName[ed:target(@ref)]" mode="ed:text">
    <xsl:param name="ed:register-href" as="xs:string" select="'persons.html'" tunnel="yes"/>
    <xsl:variable name="href" select="ed:person-href(ed:target(@ref), ., $ed:register-href)"/>
    <xsl:choose>
      <xsl:when test="$href"><a class="person" href="{$href}"><xsl:apply-templates mode="ed:text"/></a></xsl:when>
      <xsl:otherwise><span class="person"><xsl:apply-templates mode="ed:text"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
