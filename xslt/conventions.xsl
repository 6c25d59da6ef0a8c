<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's editorial conventions, rendered: the one XSLT module that says how every bracket, supplied word,
  sic, gap, translator's insertion, remark on delivery, excerpt notice and source note is printed. The web
  stylesheet (html.xsl) and the print stylesheet import it; its Python twin is edition/conventions.py
  (reading_text), and a test keeps the two in agreement on every record.

  Mode ed:text turns TEI text into HTML5. An element it does not know falls back to its content, so no text is
  ever lost.
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

  <!-- Where links may go: http, https, mailto, or a reference relative to the site; anything else is not made a
       link. A reference that starts with two slashes, either way round ("//host", "/\host", "\\host": browsers read
       a backslash as a slash), names another host, and is not taken as relative. -->
  <xsl:function name="ed:safe-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($uri)"/>
    <xsl:sequence select="if (matches($u, '^(https?|mailto):', 'i') or ($u != '' and not(matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:'))
        and not(matches($u, '^[/\\][/\\]')))) then $u else ()"/>
  </xsl:function>

  <!-- The address a TEI pointer (ref/@target, ptr/@target) links to in this publication: in the web edition, where
       ed:safe-href allows. The print edition overrides it (print.xsl), as its relative links have no site. -->
  <xsl:function name="ed:link-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:sequence select="ed:safe-href($uri)"/>
  </xsl:function>

  <!-- The id a local pointer (#id) names. -->
  <xsl:function name="ed:target" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($pointer), ' ')[starts-with(., '#')][1] return substring($t, 2)"/>
  </xsl:function>

  <xsl:mode name="ed:text" on-no-match="text-only-copy"/>

  <!-- The TEI elements this module renders as themselves; any other falls back to its content. -->
  <xsl:variable name="ed:known" as="xs:string*" select="('TEI', 'text', 'front', 'body', 'back', 'div', 'head',
      'opener', 'dateline', 'sp', 'speaker', 'p', 'quote', 'list', 'item', 'label', 'lb', 'hi', 'gap', 'supplied',
      'sic', 'note', 'stage', 'ref', 'ptr', 'persName', 'date', 'code', 'placeName', 'orgName', 'name', 'lg', 'l',
      'table', 'row', 'cell', 'emph', 'foreign', 'title', 'term', 'mentioned', 'soCalled', 'gi', 'att', 'val', 'q',
      'pb', 'figure', 'figDesc', 'graphic', 'castList', 'castGroup', 'castItem', 'role', 'roleDesc', 'closer',
      'trailer', 'byline', 'epigraph', 'docTitle', 'titlePart', 'titlePage', 'docAuthor', 'docDate', 'cit', 'bibl')"/>

  <xsl:template match="teiHeader" mode="ed:text"/>

  <xsl:template match="div" mode="ed:text">
    <div class="div {@type}">
      <xsl:apply-templates mode="ed:text"/>
    </div>
  </xsl:template>

  <xsl:template match="head" mode="ed:text">
    <h2 class="head"><xsl:apply-templates mode="ed:text"/></h2>
  </xsl:template>

  <xsl:template match="opener" mode="ed:text">
    <div class="opener"><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>

  <xsl:template match="dateline" mode="ed:text">
    <p class="dateline"><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>

  <xsl:template match="sp" mode="ed:text">
    <section class="sp">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="@xml:id"/>
      </xsl:if>
      <xsl:if test="@xml:id">
        <a class="anchor" href="#{@xml:id}" aria-label="link to this turn"/>
      </xsl:if>
      <xsl:if test="@n"><span class="n"><xsl:value-of select="@n"/>. </span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </section>
  </xsl:template>

  <!-- ed:register-href (a tunnel parameter): the register's address from the page being written. -->
  <xsl:template match="speaker" mode="ed:text">
    <xsl:param name="ed:register-href" as="xs:string" select="'persons.html'" tunnel="yes"/>
    <xsl:variable name="who" select="ed:target(../@who)"/>
    <p class="speaker">
      <xsl:choose>
        <xsl:when test="$who">
          <a href="{$ed:register-href}#{$who}"><xsl:apply-templates mode="ed:text"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="ed:text"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="p" mode="ed:text">
    <p>
      <xsl:if test="@n"><span class="n"><xsl:value-of select="@n"/>. </span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </p>
  </xsl:template>

  <xsl:template match="quote" mode="ed:text">
    <blockquote><xsl:apply-templates mode="ed:text"/></blockquote>
  </xsl:template>

  <xsl:template match="list" mode="ed:text">
    <xsl:if test="@n"><span class="n"><xsl:value-of select="@n"/>. </span></xsl:if>
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

  <xsl:template match="item" mode="ed:text">
    <li>
      <xsl:variable name="mark" select="$ed:list-marks(string(../@rend))"/>
      <xsl:if test="exists($mark)"><span class="mark"><xsl:value-of select="$mark"/></span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </li>
  </xsl:template>

  <xsl:template match="lb" mode="ed:text">
    <xsl:text>&#10;</xsl:text><br/>
  </xsl:template>

  <xsl:template match="hi[tokenize(@rend) = 'italic']" mode="ed:text">
    <i><xsl:apply-templates mode="ed:text"/></i>
  </xsl:template>
  <xsl:template match="hi[tokenize(@rend) = 'bold']" mode="ed:text">
    <b><xsl:apply-templates mode="ed:text"/></b>
  </xsl:template>

  <!-- The editorial conventions. -->
  <xsl:template match="gap" mode="ed:text">
    <span class="gap" title="omitted by the publisher">
      <xsl:value-of select="($ed:gap-forms(string((@rend, 'brackets')[1])), '[...]')[1]"/>
    </span>
  </xsl:template>

  <xsl:template match="supplied" mode="ed:text">
    <span class="supplied" title="supplied by the translator">[<xsl:apply-templates mode="ed:text"/>]</span>
  </xsl:template>

  <xsl:template match="sic[not(parent::choice)]" mode="ed:text">
    <span class="sic"><xsl:apply-templates mode="ed:text"/></span>
    <span class="sic-mark"><xsl:value-of select="if (node()) then $ed:sic-mark else normalize-space($ed:sic-mark)"/></span>
  </xsl:template>

  <xsl:template match="note[@type = 'translator']" mode="ed:text">
    <span class="translator-note" title="inserted by the translator">(<i><xsl:apply-templates mode="ed:text"/></i>)</span>
  </xsl:template>

  <xsl:template match="stage[@type = 'delivery']" mode="ed:text">
    <span class="stage delivery">(<xsl:apply-templates mode="ed:text"/>)</span>
  </xsl:template>

  <xsl:template match="stage" mode="ed:text">
    <p class="stage"><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>

  <xsl:template match="note[@type = 'excerpt']" mode="ed:text">
    <p class="excerpt">[<xsl:apply-templates mode="ed:text"/>]</p>
  </xsl:template>

  <xsl:template match="note[@type = 'source']" mode="ed:text">
    <xsl:variable name="rend" select="tokenize(@rend)"/>
    <p class="source-note{if ($rend = 'italic') then ' italic' else ''}">
      <xsl:if test="$rend = 'brackets'">[</xsl:if>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:if test="$rend = 'brackets'">]</xsl:if>
    </p>
  </xsl:template>

  <xsl:template match="ref[@type = 'footnote']" mode="ed:text">
    <sup class="footnote-mark"><a href="#{ed:target(@target)}">[<xsl:apply-templates mode="ed:text"/>]</a></sup>
  </xsl:template>

  <xsl:template match="note[@type = 'footnote']" mode="ed:text">
    <p class="footnote">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:value-of select="'[' || @n || '] '"/>
      <xsl:apply-templates mode="ed:text"/>
    </p>
  </xsl:template>

  <xsl:template match="persName[ed:target(@ref)]" mode="ed:text">
    <xsl:param name="ed:register-href" as="xs:string" select="'persons.html'" tunnel="yes"/>
    <a class="person" href="{$ed:register-href}#{ed:target(@ref)}"><xsl:apply-templates mode="ed:text"/></a>
  </xsl:template>

  <xsl:template match="ref[@target][not(@type = 'footnote')] | ptr[@target]" mode="ed:text">
    <xsl:variable name="href" select="ed:link-href(@target)"/>
    <xsl:choose>
      <xsl:when test="$href"><a href="{$href}"><xsl:apply-templates mode="ed:text"/></a></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="ed:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="date[@when | @from]" mode="ed:text">
    <time datetime="{(@from, @when)[1]}"><xsl:apply-templates mode="ed:text"/></time>
  </xsl:template>

  <!-- Common TEI beyond this edition, so that other projects' texts read well. -->
  <xsl:template match="lg" mode="ed:text">
    <div class="lg"><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>
  <xsl:template match="l" mode="ed:text">
    <div class="l"><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>
  <xsl:template match="table" mode="ed:text">
    <table><xsl:apply-templates select="head" mode="ed:caption"/><xsl:apply-templates select="* except head" mode="ed:text"/></table>
  </xsl:template>
  <xsl:template match="head" mode="ed:caption">
    <caption><xsl:apply-templates mode="ed:text"/></caption>
  </xsl:template>
  <xsl:template match="row" mode="ed:text">
    <tr><xsl:apply-templates mode="ed:text"/></tr>
  </xsl:template>
  <xsl:template match="cell" mode="ed:text">
    <td><xsl:apply-templates mode="ed:text"/></td>
  </xsl:template>
  <xsl:template match="emph | foreign | title | term | mentioned | soCalled" mode="ed:text">
    <i class="{local-name()}"><xsl:apply-templates mode="ed:text"/></i>
  </xsl:template>
  <xsl:template match="gi | att | val" mode="ed:text">
    <code class="{local-name()}"><xsl:apply-templates mode="ed:text"/></code>
  </xsl:template>
  <xsl:template match="q" mode="ed:text">
    <q><xsl:apply-templates mode="ed:text"/></q>
  </xsl:template>
  <xsl:template match="pb" mode="ed:text">
    <span class="pb" data-n="{@n}"><xsl:text> </xsl:text></span>
  </xsl:template>
  <xsl:template match="figure" mode="ed:text">
    <figure><xsl:apply-templates mode="ed:text"/></figure>
  </xsl:template>
  <xsl:template match="figDesc" mode="ed:text">
    <figcaption><xsl:apply-templates mode="ed:text"/></figcaption>
  </xsl:template>
  <xsl:template match="graphic" mode="ed:text"/>
  <xsl:template match="castList | castGroup | closer | trailer | byline | epigraph | titlePage | docTitle | cit"
      mode="ed:text">
    <div class="{local-name()}"><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>
  <xsl:template match="castItem | titlePart | docAuthor | docDate | bibl[not(ancestor::p)]" mode="ed:text">
    <p class="{local-name()}"><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>
  <xsl:template match="role | roleDesc | bibl" mode="ed:text">
    <span class="{local-name()}"><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <xsl:template match="code" mode="ed:text">
    <code><xsl:apply-templates mode="ed:text"/></code>
  </xsl:template>

</xsl:stylesheet>
