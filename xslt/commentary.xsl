<?xml version="1.0" encoding="UTF-8"?>
<!--
  The commentary (the TEI's analysis module): the interpretations (interp) an edition keeps in its header or its
  stand-off markup and points to from the passages they comment on (att.analytic's @ana), as letter editions annotate
  a passage. Each passage gets a mark (c1, c2 ...) after it that leads to its entry; the entries follow the text
  (with the notes), each keyed by the words of its passages, which lead back to them, as a commentary is keyed by
  lemma. An interpretation no passage points to is an entry all the same; one in the text itself is shown where it
  stands (tei.xsl). Imported by html.xsl and print.xsl, after the other modules, so that its mark follows a passage
  whatever module renders it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The interpretations of a document that are the commentary's entries: those of its header and stand-off markup
       that say something (not an empty interp a taxonomy of analysis only names), in document order. -->
  <xsl:function name="ed:commentary" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$doc/*/(teiHeader | standOff)//interp[normalize-space() or *][empty(ancestor::interp)]"/>
  </xsl:function>

  <!-- The entries a passage's @ana points to (#id, in its own document). -->
  <xsl:function name="ed:comments-on" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="root" select="root($e)"/>
    <xsl:sequence select="if (not($root instance of document-node())) then () else
        tokenize(normalize-space($e/@ana))[starts-with(., '#')] ! key('ed:by-id', substring(., 2), $root)[1]
        [self::interp][. intersect ed:commentary($root)]"/>
  </xsl:function>

  <xsl:key name="ed:ana" match="*[@ana]" use="tokenize(normalize-space(@ana))"/>

  <!-- An entry's number (c1, c2 ...: its place in the commentary, apart from the notes' numbers and the apparatus's
       letters); the id of a passage's mark, which its entry leads back to (the passage's place among those that
       point to the entry after the second). Only an interpretation with an id can be pointed to. -->
  <xsl:function name="ed:comment-n" as="xs:string">
    <xsl:param name="interp" as="element()"/>
    <xsl:sequence select="'c' || ed:place-in(ed:commentary(root($interp)), $interp)"/>
  </xsl:function>
  <!-- Where a node stands in a sequence of nodes, from 1 (none where it is not in it). -->
  <xsl:function name="ed:place-in" as="xs:integer?">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(for $k in 1 to count($nodes) return $k[$nodes[$k] is $node])[1]"/>
  </xsl:function>
  <xsl:function name="ed:comment-mark-id" as="xs:string">
    <xsl:param name="interp" as="element()"/>
    <xsl:param name="k" as="xs:integer"/>
    <xsl:sequence select="ed:html-id($interp) || '-ref' || ($k[. gt 1] ! ('-' || .))"/>
  </xsl:function>
  <xsl:function name="ed:passages" as="element()*">
    <xsl:param name="interp" as="element()"/>
    <xsl:sequence select="$interp/@xml:id ! key('ed:ana', '#' || ., root($interp))"/>
  </xsl:function>

  <!-- A passage commented on: after it, the mark of each of its entries. -->
  <xsl:template match="*[@ana]" mode="ed:text" priority="100">
    <xsl:param name="ed:page-part" as="element()?" tunnel="yes" select="()"/>
    <xsl:param name="ed:volume" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:variable name="passage" select="."/>
    <xsl:next-match/>
    <xsl:for-each select="ed:comments-on(.)">
      <a class="note-mark comment-mark" id="{ed:comment-mark-id(., ed:place-in(ed:passages(.), $passage))}"
          href="{ed:part-href($passage, '#' || @xml:id, $ed:page-part, $ed:volume)}" role="doc-noteref"><sup><xsl:value-of
          select="ed:comment-n(.)"/></sup></a>
    </xsl:for-each>
  </xsl:template>

  <!-- The entries after the text: each its number, the words of the passages that point to it (a long one by its
       first and last word), each leading back to it, then what the interpretation says; its kind (its own or its
       group's @type) before it. -->
  <xsl:template name="ed:commentary">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="level" as="xs:string" select="'h2'"/>
    <xsl:variable name="entries" select="ed:commentary($doc)"/>
    <xsl:if test="exists($entries)">
      <section class="notes commentary" aria-label="Commentary">
        <xsl:element name="{$level}"><xsl:attribute name="class" select="'notes-head'"/>Commentary</xsl:element>
        <ul class="notes commentary">
          <xsl:for-each select="$entries">
            <xsl:variable name="interp" select="."/>
            <li class="interp">
              <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:html-id(.)"/></xsl:if>
              <xsl:attribute name="role" select="'doc-endnote'"/>
              <span class="note-back"><xsl:value-of select="ed:comment-n(.)"/></span>
              <xsl:text> </xsl:text>
              <xsl:for-each select="ed:passages(.)">
                <a class="lemma" href="#{ed:comment-mark-id($interp, position())}"><xsl:value-of
                    select="ed:passage-words(.)"/></a>
                <xsl:text>] </xsl:text>
              </xsl:for-each>
              <xsl:for-each select="(@type, parent::interpGrp/@type)[1]">
                <span class="interp-type"><xsl:value-of select="."/>: </span>
              </xsl:for-each>
              <xsl:apply-templates mode="ed:text"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A passage as its entry repeats it: its words, a long one by its first and last word ("It was … me"). -->
  <xsl:function name="ed:passage-words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="words" select="tokenize(normalize-space(string-join($e//text()[empty(ancestor::note
        intersect $e//note)])))"/>
    <xsl:sequence select="if (count($words) gt 4) then $words[1] || ' &#x2026; ' || $words[last()]
        else string-join($words, ' ')"/>
  </xsl:function>

  <!-- In an entry, an interpretation's description is its words. -->
  <xsl:template match="interp/desc" mode="ed:text">
    <xsl:apply-templates mode="ed:text"/>
  </xsl:template>

</xsl:stylesheet>
