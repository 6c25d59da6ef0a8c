<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI in general, rendered as HTML5: the structure and the phrase-level elements any TEI project uses (divisions,
  heads, paragraphs, quotations, line and page breaks, highlighting, links and pointers, dates, verse, tables,
  figures, drama's cast lists, titles pages, bibliographic references). Both publications (html.xsl, print.xsl)
  import it, beside conventions.xsl (what is particular to this edition's records of conversations: speaker turns
  and the editorial brackets) and records.xsl (the corpus).

  Mode ed:text turns TEI text into HTML5. An element no module knows falls back to its content, so no text is ever
  lost; ed:known lists the elements the modules render as themselves, for the build's warning about the others.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

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

  <xsl:template match="p" mode="ed:text">
    <p>
      <xsl:if test="@n"><span class="n"><xsl:value-of select="@n"/>. </span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </p>
  </xsl:template>

  <xsl:template match="quote" mode="ed:text">
    <blockquote><xsl:apply-templates mode="ed:text"/></blockquote>
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

  <!-- Beyond records of conversations, so that other projects' texts read well. -->
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
