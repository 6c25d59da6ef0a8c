<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the edition and its records are cited: the one place where a citation is made, in every form a reader or a
  reference manager takes it (a sentence, BibTeX, CSL-JSON, Highwire meta tags, JSON-LD). A citation names the
  record and its own date, its translators, the edition, its editors, version, publisher and year, and its address:
  absolute where the edition knows its address (records.xsl: $base-url, from the build's base-url option or the
  description's publicationStmt/idno[@type = 'URL']), else relative to the site. Imported by html.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The edition as its description gives it. -->
  <xsl:variable name="ed:editors" as="xs:string*" select="($about//titleStmt/editor ! ed:names(.),
      $about//titleStmt/respStmt[resp[matches(., 'edit', 'i')]]/(persName | orgName | name) ! normalize-space())
      [. != ''] => distinct-values()"/>
  <xsl:variable name="ed:version" as="xs:string?" select="($about//editionStmt/edition/@n)[1] ! string()"/>
  <xsl:variable name="ed:edition-date" as="xs:string?" select="(($about//editionStmt/edition//date,
      $about//publicationStmt/date)[1] ! (@when, normalize-space(.))[. != ''][1]) ! string()"/>
  <xsl:variable name="ed:publisher" as="xs:string?"
      select="($about//publicationStmt/publisher)[1] ! normalize-space()[. != '']"/>
  <xsl:variable name="ed:pub-place" as="xs:string?"
      select="($about//publicationStmt/pubPlace)[1] ! normalize-space()[. != '']"/>
  <xsl:variable name="ed:licence-url" as="xs:string?"
      select="($about//publicationStmt//licence/@target)[1] ! ed:safe-href(.)"/>
  <!-- A record's authors, each by name. -->
  <xsl:function name="ed:authors" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/*/teiHeader/fileDesc/titleStmt/author ! ed:names(.)[. != '']"/>
  </xsl:function>
  <!-- "Version 1.0, 2026-11-27", where the description gives them. -->
  <xsl:variable name="ed:version-line" as="xs:string?" select="string-join((
      $ed:version ! ('Version ' || .), $ed:edition-date), ', ')[. != '']"/>

  <!-- The edition's versions and what changed in each (revisionDesc), newest first, for the colophons. -->
  <xsl:template name="ed:versions">
    <xsl:variable name="changes" select="$about//revisionDesc//change"/>
    <xsl:if test="exists($changes) or exists($ed:version-line)">
      <section class="versions">
        <h2>Versions</h2>
        <xsl:for-each select="$ed:version-line"><p>This is <xsl:value-of select="lower-case(substring(., 1, 1))
            || substring(., 2)"/>.</p></xsl:for-each>
        <ul>
          <xsl:for-each select="$changes">
            <xsl:sort select="(@when, @notBefore, '')[1]" order="descending"/>
            <li><xsl:value-of select="string-join((@n ! ('Version ' || .), (@when, @notBefore)[1]), ', ')"/>
              <xsl:if test="@n or @when or @notBefore">: </xsl:if><xsl:value-of select="normalize-space(.)"/></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A page of the site as a citation gives it: absolute where the edition's address is known. -->
  <xsl:function name="ed:site-url" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="if ($base-url) then $base-url || $path else $path"/>
  </xsl:function>

  <!-- A record as its citations give it, read from its document once for every form of it on its page (a
       citation's date reads the whole header): its id, title, date, own date, authors, translators, language and
       address. -->
  <xsl:function name="ed:cited" as="map(*)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="id" select="ed:id($doc)"/>
    <xsl:sequence select="map{'id': $id, 'title': ed:title($doc), 'when': ed:when($doc),
        'original-date': ed:original-date($doc), 'authors': ed:authors($doc), 'translators': ed:translators($doc),
        'lang': string(($doc/*/@xml:lang, 'en')[1]), 'url': ed:site-url('records/' || $id || '.html')}"/>
  </xsl:function>

  <!-- A date's parts for CSL-JSON: [[1991, 2, 23]]. -->
  <xsl:function name="ed:date-parts" as="array(*)">
    <xsl:param name="date" as="xs:string?"/>
    <xsl:sequence select="array{ array{ tokenize(substring(string($date), 1, 10), '-')[. castable as xs:integer]
        ! xs:integer(.) } }"/>
  </xsl:function>
  <!-- The record's own date (ISO), not the edition's; never more precise than the source: none where its printed
       words doubt it ("[March? 1889?]"), the year where it lies between two days of one year, else none. -->
  <xsl:function name="ed:original-date" as="xs:string?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="d" select="ed:date($doc)"/>
    <xsl:sequence select="if (empty($d) or ed:doubted($d)) then ()
        else if ($d/(@when, @from)) then $d/(@when, @from)[1] ! substring(., 1, 10)
        else if (substring($d/@notBefore, 1, 4) = substring($d/@notAfter, 1, 4)) then substring($d/@notBefore, 1, 4)
        else ()"/>
  </xsl:function>

  <!-- The citation as a sentence; with a fragment (a turn's id), of that place in the record. The edition's part
       (its title, editors, version, publisher and year) is the same in every citation: made once. -->
  <xsl:variable name="ed:in-edition" as="xs:string*" select="('In ' || string-join(($title, $ed:editors[1] !
      ('edited by ' || string-join($ed:editors, ' and ')), $ed:version ! ('version ' || .)), ', '),
      string-join((string-join(($ed:pub-place, $ed:publisher), ': ')[. != ''],
          substring(string($ed:edition-date), 1, 4)[. != '']), ', ')[. != ''])"/>
  <xsl:function name="ed:citation" as="xs:string">
    <xsl:param name="r" as="map(*)"/>  <!-- the record as cited: ed:cited -->
    <xsl:param name="fragment" as="xs:string?"/>
    <xsl:sequence select="string-join((
        string-join($r?authors, ' and ')[. != ''],
        $r?title,
        ed:cited-date($r?when)[. != ''],
        string-join($r?translators, ' and ')[. != ''] ! ('Translated by ' || .),
        $ed:in-edition,
        $r?url || ($fragment ! ('#' || .))), '. ') || '. Accessed '"/>
  </xsl:function>

  <!-- The citation's sentence on a page: the date of access is the reader's, filled in by the page's script
       (ed:accessed-script), "[date]" without it. -->
  <xsl:template name="ed:citation">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="fragment" as="xs:string?" select="()"/>
    <xsl:value-of select="ed:citation($r, $fragment)"/><span class="accessed">[date]</span>.
  </xsl:template>
  <!-- The reader's date in each citation of the page (ISO, as the citation's other dates). -->
  <xsl:template name="ed:accessed-script">
    <script>for (const e of document.querySelectorAll(".accessed")) e.textContent = new Date().toISOString().slice(0, 10);</script>
  </xsl:template>

  <xsl:function name="ed:bibtex" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="fields" as="xs:string*" select="(
        'title = {' || $r?title || '}',
        string-join($r?authors, ' and ')[. != ''] ! ('author = {' || . || '}'),
        $r?original-date ! ('origdate = {' || . || '}'),
        $ed:edition-date ! ('date = {' || . || '}'),
        string-join($r?translators, ' and ')[. != ''] ! ('translator = {' || . || '}'),
        string-join($ed:editors, ' and ')[. != ''] ! ('editor = {' || . || '}'),
        'booktitle = {' || $title || '}',
        $ed:version ! ('version = {' || . || '}'),
        $ed:publisher ! ('publisher = {' || . || '}'),
        $ed:pub-place ! ('address = {' || . || '}'),
        'url = {' || $r?url || '}')"/>
    <xsl:sequence select="'@misc{' || $r?id || ',&#10;' || string-join($fields ! ('  ' || .), ',&#10;')
        || '&#10;}'"/>
  </xsl:function>

  <!-- The record as CSL-JSON (Zotero and citation processors): the edition's year as the date of issue, the
       record's own date as the original date. -->
  <xsl:function name="ed:csl" as="map(*)">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="map:merge((
        map{'id': $r?id, 'type': 'document', 'title': $r?title, 'container-title': $title, 'URL': $r?url},
        (array{ $r?authors ! map{'literal': .} }[array:size(.) gt 0]) ! map{'author': .},
        (array{ $r?translators ! map{'literal': .} }[array:size(.) gt 0]) ! map{'translator': .},
        (array{ $ed:editors ! map{'literal': .} }[array:size(.) gt 0]) ! map{'editor': .},
        $r?original-date ! map{'original-date': map{'date-parts': ed:date-parts(.)}},
        $ed:edition-date ! map{'issued': map{'date-parts': ed:date-parts(.)}},
        $ed:version ! map{'version': .},
        $ed:publisher ! map{'publisher': .},
        $ed:pub-place ! map{'publisher-place': .}))"/>
  </xsl:function>

  <!-- What a reference manager reads from the record's page: Highwire Press tags (Zotero, Google Scholar) and
       schema.org JSON-LD. -->
  <xsl:template name="ed:citation-meta">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="pdf" as="xs:string?" select="()"/>
    <meta name="citation_title" content="{$r?title}"/>
    <xsl:for-each select="$r?authors">
      <meta name="citation_author" content="{.}"/>
    </xsl:for-each>
    <xsl:for-each select="$ed:editors"><meta name="citation_editor" content="{.}"/></xsl:for-each>
    <xsl:for-each select="$ed:edition-date"><meta name="citation_publication_date" content="{.}"/></xsl:for-each>
    <xsl:for-each select="$r?original-date"><meta name="citation_date" content="{.}"/></xsl:for-each>
    <meta name="citation_inbook_title" content="{$title}"/>
    <xsl:for-each select="$ed:publisher"><meta name="citation_publisher" content="{.}"/></xsl:for-each>
    <meta name="citation_language" content="{$r?lang}"/>
    <meta name="citation_public_url" content="{$r?url}"/>
    <xsl:for-each select="$pdf"><meta name="citation_pdf_url" content="{ed:site-url(.)}"/></xsl:for-each>
    <xsl:if test="$base-url"><link rel="canonical" href="{$r?url}"/></xsl:if>
    <script type="application/ld+json">
      <xsl:value-of select="serialize(ed:json-ld($r), map{'method': 'json', 'indent': true()})
          => replace('&lt;/', '&lt;\\/')"/>
    </script>
  </xsl:template>

  <xsl:function name="ed:json-ld" as="map(*)">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="map:merge((
        map{'@context': 'https://schema.org', '@type': 'ArchiveComponent', 'name': $r?title,
            'url': $r?url, 'inLanguage': $r?lang,
            'encodingFormat': 'text/html',
            'isPartOf': map:merge((
                map{'@type': 'Collection', 'name': $title, 'url': ed:site-url('index.html')},
                $ed:version ! map{'version': .},
                $ed:edition-date ! map{'datePublished': .},
                $ed:publisher ! map{'publisher': map{'@type': 'Organization', 'name': .}},
                map{'editor': array{ $ed:editors ! map{'name': .} }}))},
        $r?original-date ! map{'dateCreated': .},
        (array{ $r?translators ! map{'@type': 'Person', 'name': .} }[array:size(.) gt 0]) ! map{'translator': .},
        (array{ $r?authors ! map{'name': .} }[array:size(.) gt 0]) ! map{'author': .},
        $ed:licence-url ! map{'license': .}))"/>
  </xsl:function>

</xsl:stylesheet>
