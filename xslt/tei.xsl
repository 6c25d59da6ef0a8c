<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI in general, rendered as HTML5: the structure and the phrase-level elements any TEI project uses (divisions,
  heads, paragraphs, quotations, line and page breaks, highlighting, links and pointers, dates, verse, tables,
  figures, drama's cast lists, titles pages, bibliographic references). Both publications (html.xsl, print.xsl)
  import it, beside conventions.xsl (what is particular to this edition's records of conversations: speaker turns
  and the editorial brackets) and records.xsl (the corpus).

  Mode ed:text turns TEI text into HTML5. An element no module knows falls back to its content, so no text is ever
  lost; ed:known holds the names of the elements the modules render as themselves, for the build's warning about
  the others.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The number a paragraph, turn, list, note or heading is printed with (@n): "12. ", or, where a web page's
       margin number ran into the first word of a paragraph or turn (rend="glued": "2Gorbachev:"), the number
       alone. -->
  <xsl:function name="ed:number" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:if test="$e/@n">
      <span class="n"><xsl:value-of select="$e/@n || (if ($e[self::p or self::sp] and tokenize($e/@rend) = 'glued')
          then ' ' else '. ')"/></span>
    </xsl:if>
  </xsl:function>

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

  <!-- Where a pointer of the text leads: ed:link-href, a pointer into the same document being an id of the page. -->
  <xsl:function name="ed:pointer-href" as="xs:string?">
    <xsl:param name="from" as="element()"/>
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="id" select="ed:target($uri)"/>
    <xsl:variable name="local" select="starts-with(normalize-space($uri), '#')"/>
    <xsl:variable name="to" select="if ($id and $local) then key('ed:by-id', $id, root($from))[1] else ()"/>
    <!-- a pointer to an id the document lacks (a Guidelines chapter's to another chapter) links nowhere -->
    <xsl:sequence select="if ($to) then '#' || ed:html-id($to) else if ($local) then () else ed:outside-href($from,
        $uri)"/>
  </xsl:function>

  <!-- Where a pointer to another document leads, through the TEI's own mechanisms: a prefix the header defines
       (listPrefixDef: "frus:1933v05" by its pattern and replacement), an address in full (http, https, mailto), a
       record of this edition named by its file or id ("frus1933v05#pg_103": its page), a base the text declares
       (xml:base) or the edition's (link-base in edition.toml) for a document elsewhere; else nowhere (the words
       are shown, never a dead link). -->
  <xsl:param name="link-base" as="xs:string?"/>
  <xsl:function name="ed:outside-href" as="xs:string?">
    <xsl:param name="from" as="element()"/>
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="ed:unprefixed($from, normalize-space($uri))"/>
    <xsl:variable name="base" select="($from/ancestor-or-self::*/@xml:base[matches(., '^https?://', 'i')])[last()]"/>
    <!-- (a host without its scheme, "www.github.com", is no file of the site: its words are shown, unlinked; a
         file of the site, named with its extension, "source/transcript.txt", "../persons.html", is a link
         relative to the site as ever; a TEI document, "b.xml" or "frus1933v05", is a document to find) -->
    <xsl:variable name="path" select="replace($u, '[?#].*$', '')"/>
    <xsl:sequence select="if (matches($u, '^(https?|mailto):', 'i')) then ed:link-href($u)
        else if (matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:')) then ()
        else if (matches($u, '^www\.', 'i')) then ()
        else if (matches($path, '\.[A-Za-z][A-Za-z0-9]{0,5}$') and not(matches($path, '\.xml$', 'i')))
        then ed:link-href($u)
        else (ed:record-href($u), ($base, $link-base)[1][matches($u, '^[^\s&lt;&gt;&quot;{}|\\^`]+$')] !
        ed:link-href(string(resolve-uri($u, .))))[1]"/>
  </xsl:function>
  <!-- A pointer with a prefix its document (or the edition's description) defines, expanded. -->
  <xsl:function name="ed:unprefixed" as="xs:string">
    <xsl:param name="from" as="element()"/>
    <xsl:param name="uri" as="xs:string"/>
    <xsl:variable name="prefix" select="substring-before($uri, ':')"/>
    <xsl:variable name="def" select="if ($prefix = ('', 'http', 'https', 'mailto')) then () else
        (root($from)//listPrefixDef/prefixDef[@ident = $prefix], $ed:description//listPrefixDef/prefixDef[@ident =
        $prefix])[1]"/>
    <xsl:variable name="rest" select="substring-after($uri, ':')"/>
    <xsl:sequence select="if ($def and matches($rest, $def/@matchPattern)) then replace($rest, $def/@matchPattern,
        $def/@replacementPattern) else $uri"/>
  </xsl:function>
  <!-- A record of the edition a pointer names (records.xsl knows the records); none here. -->
  <xsl:function name="ed:record-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="()"/>
  </xsl:function>
  <!-- The edition's description, where there is one (records.xsl: $about). -->
  <xsl:variable name="ed:description" as="document-node()?" select="()"/>

  <!-- A pointer's address where a record is split into parts (records.xsl: ed:parts): to the page of the part
       its target lies in. tei.xsl alone splits nothing. -->
  <xsl:function name="ed:part-href" as="xs:string?">
    <xsl:param name="from" as="element()"/>
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:param name="page-part" as="element()?"/>
    <xsl:param name="volume" as="xs:string?"/>
    <xsl:sequence select="ed:pointer-href($from, $uri)"/>
  </xsl:function>

  <!-- The id a local pointer (#id) names. -->
  <xsl:function name="ed:target" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($pointer), ' ')[starts-with(., '#')][1] return substring($t, 2)"/>
  </xsl:function>

  <xsl:mode name="ed:text" on-no-match="text-only-copy"/>

  <!-- The end of a string, read without a regular expression: Saxon tries a pattern that ends at the end ('\s+$') at
       every character of the string, a cost that grows with a text node's length. ed:last: its last character;
       ed:trim-end: the string without the characters of $chars at its end (' &#9;&#10;&#13;' is \s). -->
  <xsl:function name="ed:last" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="substring($s, string-length($s))"/>
  </xsl:function>
  <xsl:function name="ed:trim-end" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:param name="chars" as="xs:string"/>
    <xsl:sequence select="if ($s != '' and contains($chars, ed:last($s)))
        then ed:trim-end(substring($s, 1, string-length($s) - 1), $chars) else string($s)"/>
  </xsl:function>

  <!-- The TEI elements the modules render as themselves; any other falls back to its content. (A map of their names:
       whether an element is among them is asked of every element of every record.) -->
  <xsl:variable name="ed:known" as="map(xs:string, xs:boolean)" select="map:merge(('TEI', 'text', 'front', 'body', 'back', 'div', 'head',
      'opener', 'dateline', 'sp', 'speaker', 'p', 'ab', 'quote', 'list', 'item', 'label', 'lb', 'cb', 'hi', 'gap',
      'supplied', 'sic', 'corr', 'reg', 'orig', 'abbr', 'expan', 'choice', 'subst', 'add', 'del', 'space', 'unclear',
      'note', 'stage', 'ref', 'ptr', 'persName', 'date', 'code', 'placeName', 'orgName', 'name', 'lg', 'l', 'table',
      'row', 'cell', 'emph', 'foreign', 'title', 'term', 'mentioned', 'soCalled', 'gi', 'att', 'val', 'q', 'pb', 'fw',
      'figure', 'figDesc', 'graphic', 'castList', 'castGroup', 'castItem', 'role', 'roleDesc', 'set', 'closer',
      'salute', 'signed', 'address', 'addrLine', 'postscript', 'trailer', 'byline', 'epigraph', 'argument',
      'docTitle', 'titlePart', 'titlePage', 'docAuthor', 'docDate', 'docImprint', 'cit', 'bibl', 'egXML', 'eg',
      'specList', 'specDesc', 'listPerson', 'listPlace', 'listBibl', 'listEvent', 'listOrg', 'person', 'place',
      'event', 'org', 'seg', 'tag', 'ident', 'idno', 'desc', 'specGrp', 'specGrpRef', 'elementSpec', 'classSpec',
      'macroSpec', 'dataSpec', 'moduleSpec', 'schemaSpec', 'moduleRef', 'elementRef', 'classRef', 'macroRef',
      'dataRef', $ed:phrases, 'anchor', 'birth', 'death', 'location', 'g',
      'u', 'incident', 'kinesic', 'vocal', 'pause', 'shift', 'writing', 'ex', 'am', 'surplus', 'handShift',
      'milestone', 'app', 'lem', 'rdg', 'rdgGrp', 'listApp', 'listWit', 'witness', $ed:vocabulary) ! map{.: true()})"/>
  <!-- The rest of the vocabulary, by family (vocabulary.xsl). -->
  <xsl:variable name="ed:vocabulary" as="xs:string*" select="map:keys($ed:block-labels), map:keys($ed:field-labels),
      map:keys($ed:markers)"/>
  <!-- Names and phrases shown as their words, each in a span of its own name (a hook for a project's CSS). -->
  <xsl:variable name="ed:phrases" as="xs:string*" select="('forename', 'surname', 'roleName', 'addName', 'genName',
      'nameLink', 'settlement', 'country', 'region', 'district', 'bloc', 'geogName', 'rs', 'c', 'w', 'pc', 'num',
      'measure', 'occupation', 'affiliation', 'sex', 'author', 'editor', 'publisher', 'pubPlace', 'eventName',
      'objectName', 'persName', 'time', 'abbr', 'expan', 'distinct', 'gloss', 'orig', 'reg', 'said', 'geo',
      'citedRange')"/>

  <!-- The attributes every rendered element carries from its TEI: xml:id as id (so that pointers into the text
       resolve), xml:lang as lang. The print edition prefixes the id with the record's (print.xsl). -->
  <xsl:template name="ed:attrs">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:html-id(.)"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:sequence select="ed:lang(@xml:lang, (ancestor::*/@xml:lang)[last()])"/></xsl:if>
    <xsl:if test="(self::p or self::ab or self::l) and not(@xml:lang) and ed:rtl-words(.)">
      <xsl:attribute name="dir" select="'rtl'"/></xsl:if>
    <xsl:if test="@rendition or @style"><xsl:call-template name="ed:rendition"/></xsl:if>
  </xsl:template>
  <!-- The direction of a language's script, as HTML's dir says it: right to left for a language written in the
       Hebrew, Arabic, Syriac or Thaana script (by the tag's script where it names one, "ar-Latn" is left to
       right; else by the language: he, heb, yi, ar, fa, ur, syr, arc ...). ed:lang: an element's lang, and its dir
       where the direction changes from that of the language around ("ltr" for an English word in a Hebrew text),
       none where it does not (a page of left-to-right languages carries none). -->
  <xsl:function name="ed:rtl" as="xs:boolean">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="tags" select="tokenize(lower-case(string($lang)), '[-_]')"/>
    <xsl:variable name="script" select="$tags[position() gt 1][string-length(.) = 4][1]"/>
    <xsl:sequence select="if ($script) then $script = ('hebr', 'arab', 'syrc', 'thaa', 'samr', 'mand', 'nkoo', 'adlm')
        else $tags[1] = ('he', 'heb', 'iw', 'yi', 'yid', 'ar', 'ara', 'arc', 'fa', 'fas', 'per', 'ur', 'urd', 'ps',
        'pus', 'syr', 'syc', 'dv', 'div', 'ug', 'uig', 'ckb', 'ota', 'jrb', 'sam')"/>
  </xsl:function>
  <xsl:function name="ed:lang" as="attribute()+">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="around" as="xs:string?"/>
    <xsl:variable name="rtl" select="ed:rtl($lang)"/>
    <xsl:attribute name="lang" select="$lang"/>
    <xsl:if test="$rtl ne ed:rtl($around)">
      <xsl:attribute name="dir" select="if ($rtl) then 'rtl' else 'ltr'"/>
    </xsl:if>
  </xsl:function>
  <!-- A block of words each in a right-to-left language, in a text of a left-to-right one (an inscription's
       segmented transcription: <w xml:lang="he"> after <w xml:lang="he">, the block itself untagged) runs right to
       left: its words are its children with a language, all right to left, and no letters stand between them. -->
  <xsl:function name="ed:rtl-words" as="xs:boolean">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="exists($block/*[@xml:lang]) and (every $w in $block/*/@xml:lang satisfies ed:rtl($w))
        and not($block/text()[matches(., '\p{L}')]) and not(ed:rtl(($block/ancestor::*/@xml:lang)[last()]))"/>
  </xsl:function>
  <!-- How the source sets an element (@rendition): the renditions it points to by name, for the stylesheet's rules
       (data-rendition="sup uu"; marks.css styles the DTA Base Format's standard set, on the web and in print: #sup,
       #g, #aq, #et ...), and those the header declares in CSS (tagsDecl/rendition scheme="css") as the element's style,
       with the element's own CSS (@style, where the header's styleDefDecl says CSS or says nothing, and it declares a
       property), less anything that would load a file (url(), @import). -->
  <xsl:template name="ed:rendition">
    <xsl:variable name="e" select="."/>
    <xsl:variable name="names" select="tokenize(@rendition)[starts-with(., '#')] ! substring(., 2)"/>
    <xsl:if test="@rendition"><xsl:attribute name="data-rendition" select="$names"/></xsl:if>
    <xsl:variable name="css" select="(($names ! key('ed:by-id', ., root($e)))[self::rendition][not(@scheme) or
        @scheme = 'css'], @style[contains(., ':')][not((root($e)//encodingDesc/styleDefDecl/@scheme)[1] != 'css')])
        ! normalize-space()[. != ''][not(matches(., 'url\s*\(|@import|expression\s*\(', 'i'))]"/>
    <xsl:if test="exists($css)"><xsl:attribute name="style" select="string-join($css, '; ')"/></xsl:if>
  </xsl:template>

  <xsl:function name="ed:html-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string($e/@xml:id)"/>
  </xsl:function>

  <!-- An element shown by its content alone keeps its id as an empty anchor before it. -->
  <xsl:template match="*[@xml:id][not(map:contains($ed:known, local-name()))]" mode="ed:text" priority="-0.1">
    <span class="anchor" id="{ed:html-id(.)}"/>
    <xsl:apply-templates mode="ed:text"/>
  </xsl:template>

  <xsl:template match="teiHeader" mode="ed:text"/>

  <xsl:template match="div" mode="ed:text">
    <div class="div {@type}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>

  <!-- The kinds of division an edition of letters or documents sets side by side: the original and its translation,
       a normalized text, a summary, a commentary. Where a text has two or more and one has no head of its own, it is
       headed by its kind, so that the reader sees where the translation begins (a division of notes is not: its
       notes are the edition's, shown as notes). -->
  <xsl:variable name="ed:edition-divisions" as="map(xs:string, xs:string)" select="map{'original': 'Original',
      'transcription': 'Transcription', 'diplomatic': 'Diplomatic transcription', 'normalized': 'Normalized text',
      'normalised': 'Normalised text', 'translation': 'Translation', 'summary': 'Summary', 'regest': 'Summary',
      'abstract': 'Abstract', 'commentary': 'Commentary'}"/>
  <xsl:template match="div[not(head)][@type = map:keys($ed:edition-divisions)][count(ancestor::text[1]//div[@type =
      map:keys($ed:edition-divisions)]) ge 2]" mode="ed:text">
    <xsl:call-template name="ed:headed-division">
      <xsl:with-param name="kind" select="$ed:edition-divisions(string(@type))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A division headed by its kind (and its number; a translation by its language), ranked by its depth. -->
  <xsl:template name="ed:headed-division">
    <xsl:param name="kind" as="xs:string"/>
    <div class="div {@type}{@subtype ! (' ' || .)}"><xsl:call-template name="ed:attrs"/>
      <xsl:element name="h{min((count(ancestor::div) + 2, 6))}">
        <xsl:attribute name="class" select="'head'"/>
        <xsl:value-of select="$kind || ed:division-number(.) ! (' ' || .) || @xml:lang[../@type = 'translation']
            ! (' (' || . || ')')"/>
      </xsl:element>
      <xsl:apply-templates mode="ed:text"/>
    </div>
  </xsl:template>

  <!-- Whether an element shows nothing: no words, and nothing shown without words (a pointer, an image, a gap, a
       reading of an apparatus, a medium). A template's blank division, an empty timeline. -->
  <xsl:function name="ed:blank" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not(normalize-space($e)) and empty($e//(ptr | ref | graphic | figure | gap | space | g | lem
        | rdg | media | binaryObject | *:math | *:svg))"/>
  </xsl:function>

  <!-- A division's number (@n: a FRUS document's) as it stands before its head; none where the head gives it in its
       first words ("ACT 1", "[SB-Nr. 28") or where it is an identifier for machines (a CTS URN:
       urn:cts:pta:pta0013.pta003), not a number for readers. -->
  <xsl:function name="ed:division-number" as="xs:string?">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="head" select="normalize-space(($div/head)[1])"/>
    <xsl:sequence select="$div/@n[not(matches(., '^[A-Za-z][A-Za-z0-9+.\-]*:\S+$'))][not(starts-with($head, .)
        or subsequence(tokenize($head, '[^\p{L}\p{N}]+')[. != ''], 1, 3) = .)] ! string()"/>
  </xsl:function>

  <!-- A head ranks by how deep its division lies (h2 for a text's own divisions, down to h6); its division's number
       stands before it. -->
  <xsl:template match="head" mode="ed:text">
    <xsl:variable name="depth" select="count(ancestor::div | ancestor::lg | ancestor::list | ancestor::castList
        | ancestor::listPerson | ancestor::listPlace | ancestor::listBibl | ancestor::listEvent)"/>
    <xsl:element name="h{min((max((2, $depth + 1)), 6))}">
      <xsl:attribute name="class" select="'head'"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:for-each select="parent::div/ed:division-number(.)"><span class="n"><xsl:value-of select="."/>. </span>
      </xsl:for-each>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>

  <!-- A paragraph that holds a list, a table, an example or verse (the Guidelines put them inside paragraphs) is a
       div: an HTML paragraph cannot hold blocks, and a browser would close it before the first. -->
  <xsl:template match="p | ab" mode="ed:text">
    <xsl:element name="{if (exists(.//*[local-name() = $ed:blocks][not(ancestor::note intersect current()//note)]))
        then 'div' else 'p'}">
      <xsl:if test="exists(.//*[local-name() = $ed:blocks][not(ancestor::note intersect current()//note)])">
        <xsl:attribute name="class" select="'p'"/>
      </xsl:if>
      <xsl:call-template name="ed:attrs"/>
      <xsl:sequence select="ed:number(.)"/>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>
  <xsl:variable name="ed:blocks" as="xs:string*" select="('list', 'table', 'egXML', 'eg', 'specList', 'lg', 'figure',
      'listBibl', 'listPerson', 'listPlace', 'listEvent', 'listOrg', 'specGrp', 'elementSpec', 'classSpec',
      'macroSpec', 'dataSpec', 'moduleSpec', 'schemaSpec', 'moduleRef', 'castList', 'include')"/>

  <!-- A quotation is a block where it holds paragraphs or verse or stands between them; inline in a line. -->
  <xsl:template match="quote" mode="ed:text">
    <xsl:choose>
      <xsl:when test="p | lg | l | list | sp | table or parent::div or parent::body or parent::sp or parent::back
          or parent::front or parent::cit[not(parent::p)]">
        <blockquote><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <span class="quote"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="lb" mode="ed:text">
    <xsl:text>&#10;</xsl:text><br/>
  </xsl:template>

  <!-- Highlighting by @rend (a documented set of values: README); any other value is kept as a class. -->
  <xsl:variable name="ed:hi" as="map(xs:string, xs:string)" select="map{
      'italic': 'i', 'italics': 'i', 'it': 'i', 'i': 'i', 'bold': 'b', 'b': 'b', 'superscript': 'sup', 'sup': 'sup',
      'sup.': 'sup', 'subscript': 'sub', 'sub': 'sub', 'underline': 'u', 'u': 'u', 'ul': 'u', 'strikethrough': 's',
      'strike': 's', 'line-through': 's'}"/>
  <xsl:template match="hi" mode="ed:text">
    <xsl:variable name="tokens" select="tokenize(lower-case(string(@rend)))"/>
    <xsl:variable name="tags" select="distinct-values($tokens ! $ed:hi(.))"/>
    <xsl:variable name="classes" select="string-join(('hi', $tokens[not(map:contains($ed:hi, .))]
        ! replace(., '[^a-z0-9\-]', '')), ' ')"/>
    <span class="{$classes}"><xsl:call-template name="ed:attrs"/>
      <xsl:call-template name="ed:nest"><xsl:with-param name="tags" select="$tags"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="ed:nest">
    <xsl:param name="tags" as="xs:string*"/>
    <xsl:choose>
      <xsl:when test="empty($tags)"><xsl:apply-templates mode="ed:text"/></xsl:when>
      <xsl:otherwise>
        <xsl:element name="{$tags[1]}">
          <xsl:call-template name="ed:nest"><xsl:with-param name="tags" select="tail($tags)"/></xsl:call-template>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="ref[@target][not(@type = 'footnote')] | ptr[@target] | specGrpRef[@target]" mode="ed:text">
    <!-- on the pages of a record split into parts: the part this page shows, or the record's id on its own page -->
    <xsl:param name="ed:page-part" as="element()?" tunnel="yes" select="()"/>
    <xsl:param name="ed:volume" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:variable name="href" select="ed:part-href(., @target, $ed:page-part, $ed:volume)"/>
    <xsl:variable name="content">
      <xsl:apply-templates mode="ed:text"/>
      <xsl:if test="self::ptr or self::specGrpRef or not(node())"><xsl:value-of select="ed:pointer-text(.)"/></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href"><a href="{$href}"><xsl:call-template name="ed:attrs"/><xsl:sequence select="$content"/></a></xsl:when>
      <xsl:when test="(self::ptr or not(node())) and not(ed:target(@target))">
        <!-- an address that leads nowhere in the edition (an annotation in a file the project keeps elsewhere:
             "take<ptr target="duk.00383_n2"/>"): shown as a pointer apart from the word it follows -->
        <xsl:if test="matches(ed:last(preceding-sibling::node()[1][self::text()]), '\S')"><xsl:text> </xsl:text></xsl:if>
        <span class="pointer" title="a pointer to what this edition does not hold">&#x2192;&#xA0;<xsl:sequence
            select="$content"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A canonical reference (cRef, "LXX:Dt:5:13"): its words, else the reference itself, apart from the word before
       it; a link where the document's declaration of references (the refsDecl its @decls names, else any of the
       header's) turns it, by the first of its patterns that matches the whole reference, into a web address, or
       into a pointer to an element of the document that is there: by its id ("#ps1"; none to an id the document
       lacks), or by the XPointer the Guidelines' examples write, steps of names and attribute values
       ("#xpath(//body/div[@n='1']/l[@n='2'])", ed:xpath-pointer; any other XPath is not evaluated). -->
  <xsl:template match="ref[@cRef][not(@target)] | ptr[@cRef][not(@target)]" mode="ed:text">
    <xsl:param name="ed:page-part" as="element()?" tunnel="yes" select="()"/>
    <xsl:param name="ed:volume" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:variable name="uri" select="ed:cref-uri(.)"/>
    <xsl:variable name="to" select="if (not(starts-with($uri, '#')) or not(root(.) instance of document-node())) then ()
        else if (starts-with($uri, '#xpath(')) then ed:xpath-pointer(root(.), substring($uri, 8, string-length($uri) - 8))
        else key('ed:by-id', ed:target($uri), root(.))[1]"/>
    <!-- (an element with no id of its own has no anchor on the page to lead to: no link) -->
    <xsl:variable name="href" select="if ($to/@xml:id) then ed:part-href(., '#' || $to/@xml:id, $ed:page-part, $ed:volume)
        else if ($to) then () else ed:web-address($uri)"/>
    <xsl:variable name="before" select="preceding-sibling::node()[1]"/>
    <xsl:if test="not(node()) and $before and not($before/self::text() and matches(ed:last($before), '\s'))">
      <xsl:text> </xsl:text></xsl:if>
    <xsl:element name="{if ($href) then 'a' else 'span'}">
      <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:attribute name="class" select="'cref'"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:if test="self::ptr or not(node())"><xsl:value-of select="normalize-space(@cRef)"/></xsl:if>
    </xsl:element>
  </xsl:template>
  <!-- The element a path of steps names: each step "/" or "//", a name (or *), and predicates on attributes
       ([@n='1'][@type='psalm']); none where the path is anything else, or names nothing. -->
  <xsl:function name="ed:xpath-pointer" as="element()?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="path" as="xs:string"/>
    <xsl:variable name="step" select="'(//?)([\i\c-[:]]*\c*|\*)((?:\[@[\i\c-[:]]*\c*=(?:''[^'']*''|&quot;[^&quot;]*&quot;)\])*)'"/>
    <xsl:if test="matches($path, '^(' || $step || ')+$')">
      <xsl:variable name="steps" as="xs:string*">
        <xsl:analyze-string select="$path" regex="{$step}">
          <xsl:matching-substring><xsl:sequence select="regex-group(0)"/></xsl:matching-substring>
        </xsl:analyze-string>
      </xsl:variable>
      <xsl:sequence select="fold-left($steps, $doc, function($nodes, $s) {
          let $deep := starts-with($s, '//'), $rest := replace($s, '^//?', ''),
              $name := replace($rest, '\[.*$', ''),
              $tests := tokenize(replace($rest, '^[^\[]*\[|\]$', ''), '\]\[')[contains(., '=')]
          return ($nodes ! (if ($deep) then descendant::* else child::*))[$name = '*' or local-name() = $name]
              [every $t in $tests satisfies
               (let $a := replace(substring-before($t, '='), '^@', ''), $v := replace(substring-after($t, '='), '^[''&quot;]|[''&quot;]$', '')
                return @*[name() = $a] = $v)]
        })[1]"/>
    </xsl:if>
  </xsl:function>
  <xsl:function name="ed:cref-uri" as="xs:string?">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="cref" select="normalize-space($ref/@cRef)"/>
    <xsl:variable name="declared" select="tokenize($ref/@decls) ! key('ed:by-id', replace(., '^#', ''),
        root($ref))[self::refsDecl]"/>
    <xsl:variable name="urls" as="xs:string*">
      <xsl:for-each select="(if ($declared) then $declared else root($ref)//encodingDesc/refsDecl)/cRefPattern">
        <xsl:variable name="whole" select="'^(?:' || @matchPattern || ')$'"/>
        <xsl:try>
          <xsl:sequence select="if (matches($cref, $whole)) then replace($cref, $whole, @replacementPattern) else ()"/>
          <xsl:catch/>
        </xsl:try>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="$urls[1]"/>
  </xsl:function>
  <!-- An address on the web (http or https, no space in it), as links and images out of the edition are given;
       the empty sequence for anything else (a local file, a pointer, a pattern's other result, a space in it). -->
  <xsl:function name="ed:web-address" as="xs:string?">
    <xsl:param name="address" as="xs:string?"/>
    <xsl:sequence select="$address[matches(., '^https?://\S+$')]"/>
  </xsl:function>

  <!-- The words of a pointer with no words of its own: the head (or number) of what it points to in the same
       document, else its address. -->
  <xsl:function name="ed:pointer-text" as="xs:string">
    <xsl:param name="ptr" as="element()"/>
    <xsl:variable name="id" select="ed:target($ptr/@target)"/>
    <xsl:variable name="to" select="if ($id) then key('ed:by-id', $id, root($ptr))[1] else ()"/>
    <xsl:sequence select="(normalize-space($to/head[1])[. != ''], $to/self::specGrp ! ed:spec-group(.),
        $to/@n ! (local-name($to) || ' ' || .),
        normalize-space($ptr/@target))[1]"/>
  </xsl:function>

  <xsl:key name="ed:by-id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- A date of a calendar other than the Gregorian (@calendar or @datingMethod, as a catalogue of Islamic manuscripts
       dates by the Hijri year: when-custom="1100"), printed as a number alone, is said to be of its calendar, by the
       name its header's calendarDesc gives it, else by its pointer's words: "1100 (calendar: Hijri qamari)"; a year
       of no calendar named would read as the Gregorian. A date whose words say more ("1089 AH", "Rajab 1100") is as
       printed. -->
  <xsl:function name="ed:calendar-said" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:param name="words" as="xs:string"/>
    <xsl:variable name="ref" select="($d/@calendar, $d/@datingMethod)[not(matches(., '^#?(gregorian|julian-?gregorian)$',
        'i'))][1] ! normalize-space()"/>
    <xsl:variable name="declared" select="if (root($d) instance of document-node()) then $ref ! key('ed:by-id',
        replace(., '^#', ''), root($d))[self::calendar][1] else ()"/>
    <xsl:sequence select="if (empty($ref) or matches($words, '\p{L}')) then ''
        else ' (calendar: ' || (normalize-space($declared)[. != ''], replace(replace($ref, '^#', ''), '[-_]', ' '))[1]
        || ')'"/>
  </xsl:function>
  <!-- ... and where the text prints it: the calendar said after the number (a manuscript's origDate). -->
  <xsl:template match="(date | origDate)[@calendar | @datingMethod]" mode="ed:text" priority="1">
    <xsl:next-match/>
    <xsl:variable name="said" select="ed:calendar-said(., normalize-space(.))"/>
    <xsl:if test="$said"><span class="calendar"><xsl:value-of select="$said"/></span></xsl:if>
  </xsl:template>
  <xsl:template match="date[@when | @from]" mode="ed:text">
    <time datetime="{(@from, @when)[1]}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></time>
  </xsl:template>

  <!-- Beyond records of conversations, so that other projects' texts read well. -->
  <xsl:template match="lg" mode="ed:text">
    <div class="lg"><xsl:call-template name="ed:attrs"/><xsl:call-template name="ed:prosody"/><xsl:apply-templates
        mode="ed:text"/></div>
  </xsl:template>

  <xsl:template match="l" mode="ed:text">
    <div class="l"><xsl:call-template name="ed:attrs"/>
      <!-- the number stands in the margin; the space keeps it a word apart when the line is copied or searched -->
      <xsl:if test="@n"><span class="line-n"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:call-template name="ed:prosody"/>
    </div>
  </xsl:template>
  <!-- A stanza's or a line's metre and rhyme as its encoder analysed them (the verse module's att.metrical: @met
       the conventional metre, @real the line's own where it differs, @rhyme its rhyme letter or a stanza's scheme):
       beside it, each part named; the web shows them on demand (html.xsl, ed:layer-toggles), print beside the
       lines. A space before each keeps them words apart from the verse. -->
  <xsl:template name="ed:prosody">
    <xsl:if test="@met | @real | @rhyme">
      <span class="prosody">
        <xsl:for-each select="@met, @real, @rhyme">
          <xsl:text> </xsl:text>
          <span title="{map{'met': 'metre', 'real': 'metre as realised', 'rhyme': 'rhyme'}(local-name())}"><xsl:value-of
              select="."/></span>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- Lists: with labels, a description list; numbered (@type or @rend ordered), an ordered one. -->
  <xsl:template match="list[label]" mode="ed:text">
    <dl class="list {@type}"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates select="head" mode="ed:text"/>
      <xsl:for-each select="* except head">  <!-- in order: a page break between items stays where it is -->
        <xsl:choose>
          <xsl:when test="self::label"><dt><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></dt></xsl:when>
          <xsl:when test="self::item"><dd><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></dd></xsl:when>
          <xsl:otherwise><dd class="in-list"><xsl:apply-templates select="." mode="ed:text"/></dd></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <xsl:template match="list" mode="ed:text">
    <xsl:element name="{if (tokenize(@type) = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered'))
        then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="string-join(('list', @type, tokenize(@rend)[. = ('bulleted', 'simple',
          'inline')]), ' ')"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="list/head" mode="ed:text" priority="1">
    <li class="list-head"><xsl:apply-templates mode="ed:text"/></li>
  </xsl:template>

  <xsl:template match="item" mode="ed:text">
    <li><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></li>
  </xsl:template>

  <xsl:template match="table" mode="ed:text">
    <table><xsl:call-template name="ed:attrs"/><xsl:apply-templates select="head" mode="ed:caption"/><xsl:apply-templates select="* except head" mode="ed:text"/></table>
  </xsl:template>

  <xsl:template match="head" mode="ed:caption">
    <caption><xsl:apply-templates mode="ed:text"/></caption>
  </xsl:template>

  <xsl:template match="row" mode="ed:text">
    <tr><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></tr>
  </xsl:template>

  <!-- A cell with the role of a label is a header cell; @cols and @rows span. -->
  <xsl:template match="cell" mode="ed:text">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="ed:attrs"/>
      <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="emph | foreign | title | term | mentioned | soCalled" mode="ed:text">
    <i class="{local-name()}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></i>
  </xsl:template>

  <!-- An element's name in angle brackets, as the Guidelines print it; an attribute, value or identifier as code. -->
  <xsl:template match="gi | att | val | ident" mode="ed:text">
    <code class="{local-name()}"><xsl:if test="self::gi">&lt;</xsl:if><xsl:apply-templates mode="ed:text"/><xsl:if
        test="self::gi">&gt;</xsl:if></code>
  </xsl:template>

  <!-- A tag as it is typed, by its type: start, end, empty, processing instruction, comment, marked section. -->
  <xsl:template match="tag" mode="ed:text">
    <xsl:variable name="around" select="map{'end': ('&lt;/', '&gt;'), 'empty': ('&lt;', '/&gt;'),
        'pi': ('&lt;?', '?&gt;'), 'comment': ('&lt;!--', '--&gt;'), 'ms': ('&lt;![CDATA[', ']]&gt;')}"/>
    <xsl:variable name="pair" select="($around(string(@type)), '&lt;', '&gt;')[position() le 2]"/>
    <code class="tag"><xsl:value-of select="$pair[1]"/><xsl:apply-templates mode="ed:text"/><xsl:value-of
        select="$pair[2]"/></code>
  </xsl:template>

  <xsl:template match="q" mode="ed:text">
    <q><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></q>
  </xsl:template>

  <!-- A page (or column) begins: its number, set apart, where it is given (between a list's items, in an item of
       its own, as a list may hold nothing else). -->
  <xsl:template match="list[not(label)]/pb | list[not(label)]/cb" mode="ed:text" priority="1">
    <li class="page-break"><xsl:next-match/></li>
  </xsl:template>

  <!-- A page (or column) begins: its number, an edition's or a witness's own page by its siglum too (ed="A", or
       edRef as a critical edition marks each manuscript's leaves), [Vi 113v]; where its facsimile is an image on
       the web (facs: an address, or a surface, zone or graphic of the document's facsimile), the label is a link
       to it. Inside a word, where break="no" says so or letters stand right before and after it, the break parts
       no words: "ወለአእዛ[168r][a]ንኪ፡"; after a full stop, "ging.<pb/>Siehe", it does. -->
  <xsl:template match="pb | cb" mode="ed:text">
    <xsl:variable name="witness" select="string-join((tokenize(@edRef) ! replace(., '^#', ''), @ed ! normalize-space()),
        ' ')[. != '']"/>
    <xsl:variable name="label" select="string-join(($witness, @n), ' ')"/>
    <xsl:variable name="image" select="ed:facsimile(.)"/>
    <span class="{local-name()}" data-n="{@n}"><xsl:call-template name="ed:attrs"/>
      <xsl:if test="$label"><xsl:attribute name="title" select="(if (self::pb) then 'page ' else 'column ')
          || (if (@n) then @n || $witness ! (' of ' || .) else $witness)"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$image"><a class="facs" href="{$image}">
          <xsl:value-of select="($label[.], 'facsimile')[1]"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:if test="not(ed:in-word(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <!-- The web address of an element's facsimile image (facs: an address, or a pointer to a surface, zone or
       graphic whose graphic has one), if it has one; a local file or a pointer to nothing gives none. -->
  <xsl:function name="ed:facsimile" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="facs" select="tokenize($e/@facs)[1]"/>
    <xsl:sequence select="ed:web-address(if (starts-with($facs, '#')) then normalize-space((id(substring($facs, 2),
        $e)/descendant-or-self::graphic/@url)[1]) else $facs)"/>
  </xsl:function>
  <!-- (the nearest node either side that is no break: a page and its column, <pb/><cb/>, break one word) -->
  <xsl:function name="ed:in-word" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="$break/@break = 'no' or (matches(ed:last($break/preceding-sibling::node()[not(self::pb
        or self::cb or self::lb)][1][self::text()]), '\w') and matches(string($break/following-sibling::node()
        [not(self::pb or self::cb or self::lb)][1][self::text()]), '^\w'))"/>
  </xsl:function>

  <!-- A running head, catchword or page number of the source, set apart from the text. -->
  <xsl:template match="fw" mode="ed:text" priority="-0.2">
    <span class="fw {@type}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <xsl:template match="figure" mode="ed:text">
    <figure><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></figure>
  </xsl:template>

  <xsl:template match="figDesc" mode="ed:text">
    <figcaption><xsl:apply-templates mode="ed:text"/></figcaption>
  </xsl:template>

  <!-- A graphic: a local image (the build copies it beside the page: edition/publish/images.py) shown, with its
       figure's description as the text a screen reader says; an image on the web (never fetched by the build)
       its address as a link to it; any other address shown as its address. -->
  <xsl:template match="graphic" mode="ed:text">
    <xsl:choose>
      <xsl:when test="matches(normalize-space(@url), '^([\w.\-]+/)*[\w.\-]+$') and not(tokenize(@url, '/') = '..')">
        <img class="graphic" src="{normalize-space(@url)}" loading="lazy"
            alt="{normalize-space((../figDesc, desc)[1])}"/>
      </xsl:when>
      <xsl:when test="ed:web-address(normalize-space(@url))">
        <a class="graphic" href="{normalize-space(@url)}">[image: <xsl:value-of select="@url"/>]</a>
      </xsl:when>
      <xsl:otherwise><span class="graphic">[image: <xsl:value-of select="@url"/>]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The editorial layer of a transcription: what was added and deleted, regularised and corrected. The reading
       text shows the additions, corrections, regularisations and expansions; the deleted and original readings
       are in the page, marked, for a reader who shows them (edition.css). -->
  <xsl:template match="add" mode="ed:text">
    <ins class="add {@place}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></ins>
  </xsl:template>

  <xsl:template match="del" mode="ed:text">
    <del class="del"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></del>
  </xsl:template>

  <xsl:template match="subst" mode="ed:text">
    <span class="subst"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <!-- A choice: the edition's reading (corr, reg, expan) shown and the source's beside it; readings of which none
       is the edition's (an inscription's letters read two ways, <unclear>s; two <seg>s) shown as alternatives,
       "Arabos/Parthos", never run together. -->
  <xsl:template match="choice" mode="ed:text">
    <xsl:variable name="shown" select="(corr, reg, expan)[1]"/>
    <xsl:variable name="other" select="(sic, orig, abbr)[1]"/>
    <span class="choice"><xsl:call-template name="ed:attrs"/>
      <xsl:if test="$other"><xsl:attribute name="title" select="local-name($other) || ': ' || normalize-space($other)"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$shown">
          <span class="{local-name($shown)}"><xsl:apply-templates select="$shown/node()" mode="ed:text"
              /><xsl:call-template name="ed:doubt-mark"><xsl:with-param name="e" select="$shown"/></xsl:call-template></span>
          <xsl:apply-templates select="$other" mode="ed:other-reading"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="not($other)"><xsl:attribute name="title" select="'alternative readings'"/></xsl:if>
          <xsl:for-each select="*">
            <xsl:if test="position() gt 1">/</xsl:if>
            <xsl:apply-templates select="." mode="ed:text"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- The source's own reading beside the edition's (sic, orig, abbr): on the web hidden until the reader asks for
       the source's readings (a space before it: shown or not, the two are two words, never one); in print a
       footnote (print.xsl). -->
  <xsl:template match="*" mode="ed:other-reading">
    <span class="{local-name()} alt"><xsl:text> </xsl:text><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>
  <!-- (what the source's reading is, in words: a footnote's label) -->
  <xsl:function name="ed:other-reading-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::abbr) then 'abbreviated' else 'the source has'"/>
  </xsl:function>

  <xsl:template match="unclear" mode="ed:text">
    <span class="unclear" title="unclear{@reason ! (': ' || .)}"><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <!-- A description among several in other languages (ParlaMint's gap and kinesic: one in English, one in the
       record's language): the one in the language of the text around it, else the first. -->
  <xsl:function name="ed:desc" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="lang" select="($e/ancestor-or-self::*/@xml:lang)[last()]"/>
    <xsl:sequence select="($e/desc[@xml:lang = $lang], $e/desc[not(@xml:lang)], $e/desc)[1]"/>
  </xsl:function>

  <!-- An editorial mark says what it means, to the pointer (title), to the keyboard and to a tap (focusable;
       edition.css shows data-explain beside it while it has focus). -->
  <xsl:template name="ed:explain">
    <xsl:param name="why" as="xs:string"/>
    <xsl:attribute name="title" select="$why"/>
    <xsl:attribute name="data-explain" select="$why"/>
    <xsl:attribute name="tabindex" select="0"/>
  </xsl:template>

  <!-- Who made an intervention, where the TEI says: a pointer's person, else the pointer's id. -->
  <xsl:function name="ed:resp-name" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join(tokenize($e/@resp) ! (if (starts-with(., '#')) then (key('ed:by-id',
        substring(., 2), root($e))[1] ! normalize-space(string-join((persName, name, .)[1]//text(), ' ')),
        substring(., 2))[. != ''][1] else .), ', ')[. != '']"/>
  </xsl:function>

  <!-- What an intervention rests on (@evidence), in words. -->
  <xsl:variable name="ed:evidence" as="map(xs:string, xs:string)" select="map{'internal': 'from the text itself',
      'external': 'from another source', 'conjecture': 'a conjecture', 'apograph': 'from an earlier copy',
      'parallel': 'from a parallel text', 'previouseditor': 'from a previous edition'}"/>
  <!-- What the TEI says of an intervention, as words: "lost; uncertain; by Jonathan Prag". -->
  <xsl:function name="ed:why" as="xs:string">
    <xsl:param name="what" as="xs:string"/>
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join(($what, $e/@reason ! replace(., '[_-]', ' '), $e/@agent ! ('damage: ' || .),
        $e/@evidence ! ($ed:evidence(string(.)), 'evidence: ' || replace(., '[_-]', ' '))[1],
        $e/@rend ! replace(., '[_-]', ' '), $e[ed:uncertain(.)] ! 'uncertain',
        $e/@precision[. = 'low'] ! 'approximate', $e/@hand ! ('hand ' || replace(., '^#', '')),
        ed:resp-name($e) ! ('by ' || .)), '; ')"/>
  </xsl:function>

  <!-- An element's words as one line; of words given in several languages side by side (seg xml:lang: EpiDoc's
       bilingual dates and places, "1462 или 1472 гг." and "1462 or 1472 C.E."), those in the site's language, else
       the first: never the two run together. -->
  <xsl:function name="ed:words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="segs" select="$e/seg[@xml:lang]"/>
    <xsl:sequence select="normalize-space(if (count(distinct-values($segs/@xml:lang)) gt 1
        and empty($e/text()[normalize-space()])) then ($segs[@xml:lang = $ed:site-language], $segs)[1] else $e)"/>
  </xsl:function>
  <!-- The language of the site's own words (its labels, "Date", "From"). -->
  <xsl:variable name="ed:site-language" as="xs:string" select="'en'"/>

  <!-- Whether the TEI doubts what an element gives (@cert low or unknown): the one test of every mark of doubt. -->
  <xsl:function name="ed:uncertain" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/@cert = ('low', 'unknown')"/>
  </xsl:function>
  <!-- A question mark inside the brackets of what the TEI doubts ("[abc?]"). -->
  <xsl:function name="ed:doubt" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (ed:uncertain($e)) then '?' else ''"/>
  </xsl:function>

  <!-- The same doubt after words no bracket of theirs encloses (a name, a date, a regularised form), as editors mark a
       doubtful reading or identification: "Heidelberg(?)", "κάστρον(?)". -->
  <xsl:function name="ed:doubt-after" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (ed:uncertain($e)) then '(?)' else ''"/>
  </xsl:function>
  <xsl:template name="ed:doubt-mark">
    <xsl:param name="e" as="element()" select="."/>
    <xsl:if test="ed:uncertain($e)"><span class="doubt" title="uncertain"><xsl:value-of select="ed:doubt-after($e)"
        /></span></xsl:if>
  </xsl:template>
  <xsl:template match="(persName | placeName | orgName | name | rs | geogName | settlement | region | country | date
      | time | num | reg | corr)[ed:uncertain(.)]" mode="ed:text" priority="5">
    <xsl:next-match/>
    <xsl:call-template name="ed:doubt-mark"/>
  </xsl:template>

  <!-- Words supplied and words left out, in TEI in general (records of conversations follow conventions.xsl,
       inscriptions and papyri leiden.xsl): supplied words in brackets, a gap as [...], each explained by what
       the TEI says of it (ed:why) and by nothing it does not say. -->
  <xsl:template match="supplied" mode="ed:text">
    <span class="supplied"><xsl:call-template name="ed:explain"><xsl:with-param name="why"
        select="ed:why('supplied', .)"/></xsl:call-template>[<xsl:apply-templates select="node() except
        ed:closing-notes(.)" mode="ed:text"/><xsl:value-of select="ed:doubt(.)"/>]</span>
    <xsl:apply-templates select="ed:closing-notes(.)" mode="ed:text"/>
  </xsl:template>
  <!-- The notes that end an element's words (an editor's note on a restoration, "e.g."): their marks follow its
       closing bracket, "[ὀχυρώματα]¹", as a note's mark follows the words it is on, never inside the brackets. -->
  <xsl:function name="ed:closing-notes" as="element(note)*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/note[empty(following-sibling::node()[not(self::note)][self::* or normalize-space()])]"/>
  </xsl:function>
  <xsl:template match="gap" mode="ed:text">
    <span class="gap"><xsl:call-template name="ed:explain"><xsl:with-param name="why"
        select="ed:why('gap', .)"/></xsl:call-template>[...]</span>
  </xsl:template>

  <!-- A boundary the source marks (a new section, a block of an inscription): a rule between blocks, a bar among
       words; its kind and number in its title. -->
  <xsl:template match="milestone" mode="ed:text">
    <xsl:variable name="why" select="string-join(('milestone', @unit, @n), ' ')"/>
    <xsl:choose>
      <xsl:when test="parent::div or parent::body or parent::front or parent::back">
        <hr class="milestone {@unit}" title="{$why}"><xsl:call-template name="ed:attrs"/></hr>
      </xsl:when>
      <xsl:otherwise>
        <span class="milestone {@unit}" title="{$why}"><xsl:call-template name="ed:attrs"/> | </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A space left in the source: shown as a space (never two words run together). -->
  <xsl:template match="space" mode="ed:text">
    <span class="space" title="space{@quantity ! (' of ' || . || ' ' || ../@unit)}"><xsl:text> </xsl:text></span>
  </xsl:template>

  <xsl:template match="castList | castGroup | set | closer | trailer | byline | epigraph | argument | titlePage
      | docTitle | docImprint | cit | address | postscript | opener[not(ancestor::div[@type = 'record'])]"
      mode="ed:text">
    <div class="{local-name()}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>

  <xsl:template match="castItem | titlePart | docAuthor | docDate | salute | signed | addrLine
      | dateline[not(ancestor::div[@type = 'record'])] | bibl[not(ancestor::p)]" mode="ed:text">
    <p class="{local-name()}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></p>
  </xsl:template>

  <!-- A seg that is a line of its own (a letterhead's line, a line set left, right or centred) is a block: set
       inline, "Casino", "de", "Biarritz" would read "CasinodeBiarritz". -->
  <xsl:template match="seg[@type = 'letterhead' or tokenize(@rend) = ('left', 'right', 'center')]" mode="ed:text">
    <div class="{string-join(('seg', @type, tokenize(@rend)[. = ('left', 'right', 'center')]), ' ')}"><xsl:call-template
        name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></div>
  </xsl:template>

  <xsl:template match="role | roleDesc | bibl | seg | name | placeName | orgName | idno | desc
      | *[local-name() = $ed:phrases][namespace-uri() = 'http://www.tei-c.org/ns/1.0']" mode="ed:text" priority="-0.5">
    <span class="{local-name()}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <!-- A reference given as its parts alone, with no words between them (<bibl><title/><author/><publisher/><date/>
       </bibl>, as corpora cite the edition a text was taken from): its parts in the order given, a comma between
       those a reader sees (a space after one that ends in its own stop), as a citation sets them ("Alice's
       Adventures in Wonderland, Carroll, Lewis, London: Macmillan, 1865"), never run together. -->
  <xsl:template match="bibl[* and empty(text()[normalize-space()])]" mode="ed:text">
    <xsl:variable name="seen" select="*[normalize-space() or @target]"/>
    <span class="bibl"><xsl:call-template name="ed:attrs"/>
      <xsl:for-each select="node() except text()">
        <xsl:variable name="before" select="$seen[. &lt;&lt; current()][last()]"/>
        <xsl:if test=". intersect $seen and exists($before)">
          <xsl:value-of select="if (matches(normalize-space($before), '[.,;:]$')) then ' ' else ', '"/>
        </xsl:if>
        <xsl:apply-templates select="." mode="ed:text"/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="code" mode="ed:text">
    <code><xsl:apply-templates mode="ed:text"/></code>
  </xsl:template>

  <!-- An example of markup (the Guidelines' egXML) is shown as markup; a plain example as preformatted text. -->
  <!-- The markup is written out as it was typed, without the namespace declarations the serializer would add to
       each element, and with the indentation it had in the source taken off (ed:dedent). -->
  <xsl:template match="*:egXML" mode="ed:text">
    <xsl:variable name="markup" as="xs:string*"><xsl:apply-templates mode="ed:markup"/></xsl:variable>
    <pre class="egXML"><code><xsl:value-of select="ed:dedent(string-join($markup))"/></code></pre>
  </xsl:template>
  <xsl:template match="*" mode="ed:markup">
    <xsl:sequence select="'&lt;' || name() || string-join(@* ! (' ' || name() || '=&quot;' || ed:escape(.,
        true()) || '&quot;'))"/>
    <xsl:choose>
      <xsl:when test="node()">
        <xsl:sequence select="'&gt;'"/>
        <xsl:apply-templates mode="ed:markup"/>
        <xsl:sequence select="'&lt;/' || name() || '&gt;'"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="'/&gt;'"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="ed:markup"><xsl:sequence select="ed:escape(., false())"/></xsl:template>
  <xsl:template match="comment()" mode="ed:markup"><xsl:sequence select="'&lt;!--' || . || '--&gt;'"/></xsl:template>
  <xsl:template match="processing-instruction()" mode="ed:markup">
    <xsl:sequence select="'&lt;?' || name() || ' ' || . || '?&gt;'"/>
  </xsl:template>
  <xsl:function name="ed:escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="in-attribute" as="xs:boolean"/>
    <xsl:variable name="t" select="replace(replace($s, '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;')"/>
    <xsl:sequence select="if ($in-attribute) then replace($t, '&quot;', '&amp;quot;') else $t"/>
  </xsl:function>
  <!-- Blank lines at either end dropped, and the least indentation of the lines taken off each; a first line that
       follows its start tag (<egXML><text>) has no indentation of its own, and is left out of the reckoning. -->
  <xsl:function name="ed:dedent" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="lines" select="tokenize(replace($s, '^\s*\n|\s+$', ''), '\n')"/>
    <xsl:variable name="from" select="if (matches($s, '^\s*\n')) then 1 else 2"/>
    <xsl:variable name="indent" select="(min($lines[position() ge $from][normalize-space()] ! (string-length(.)
        - string-length(replace(., '^\s+', '')))), 0)[1]"/>
    <xsl:sequence select="string-join(($lines[position() lt $from], $lines[position() ge $from] !
        (if (string-length(.) ge $indent) then substring(., $indent + 1) else normalize-space(.))), '&#10;')"/>
  </xsl:function>

  <xsl:template match="eg" mode="ed:text">
    <pre class="eg"><code><xsl:value-of select="."/></code></pre>
  </xsl:template>

  <!-- A list of specifications (the Guidelines): each by its name. -->
  <xsl:template match="specList" mode="ed:text">
    <ul class="specList"><xsl:for-each select="specDesc">
      <li><code><xsl:value-of select="@key"/></code><xsl:apply-templates mode="ed:text"/></li>
    </xsl:for-each></ul>
  </xsl:template>

  <!-- The specifications of an ODD (a customization, or the Guidelines' own): each a block named by its kind and
       ident, with its description and contents; a group of them by its number or name, and a reference to a group
       as a link to it. -->
  <xsl:template match="elementSpec | classSpec | macroSpec | dataSpec | moduleSpec | schemaSpec" mode="ed:text">
    <div class="spec {local-name()}"><xsl:call-template name="ed:attrs"/>
      <p class="spec-name"><xsl:value-of select="ed:spec-kind(.)"/><xsl:text> </xsl:text><code><xsl:value-of
          select="@ident"/></code><xsl:if test="@mode"> (<xsl:value-of select="@mode"/>)</xsl:if></p>
      <xsl:apply-templates mode="ed:text"/>
    </div>
  </xsl:template>
  <xsl:template match="moduleRef | elementRef | classRef | macroRef | dataRef" mode="ed:text">
    <p class="spec-ref"><xsl:call-template name="ed:attrs"/><xsl:value-of select="ed:spec-kind(.)"/><xsl:text> </xsl:text>
      <code><xsl:value-of select="(@key, @url, @name)[1]"/></code>
      <xsl:for-each select="@include, @except">
        <xsl:text> (</xsl:text><xsl:value-of select="local-name()"/><xsl:text>: </xsl:text><code><xsl:value-of
            select="."/></code><xsl:text>)</xsl:text>
      </xsl:for-each>
    </p>
  </xsl:template>
  <xsl:function name="ed:spec-kind" as="xs:string">
    <xsl:param name="spec" as="element()"/>
    <xsl:sequence select="map{'elementSpec': 'Element', 'classSpec': 'Class', 'macroSpec': 'Macro', 'dataSpec':
        'Datatype', 'moduleSpec': 'Module', 'schemaSpec': 'Schema', 'moduleRef': 'Module', 'elementRef': 'Element',
        'classRef': 'Class', 'macroRef': 'Macro', 'dataRef': 'Datatype'}(local-name($spec))"/>
  </xsl:function>
  <xsl:template match="specGrp" mode="ed:text">
    <section class="spec-grp"><xsl:call-template name="ed:attrs"/>
      <p class="spec-name"><xsl:value-of select="ed:spec-group(.)"/></p>
      <xsl:apply-templates mode="ed:text"/>
    </section>
  </xsl:template>
  <xsl:function name="ed:spec-group" as="xs:string">
    <xsl:param name="group" as="element()"/>
    <xsl:sequence select="'Specification group ' || ($group/@n, count($group/preceding::specGrp) + 1)[1]"/>
  </xsl:function>
  <!-- An XInclude left unresolved (the Guidelines include each specification from a file of its own): where the
       text would be, and from where, said rather than dropped. -->
  <xsl:template match="Q{http://www.w3.org/2001/XInclude}include" mode="ed:text">
    <p class="include">(not included here: <code><xsl:value-of select="@href"/></code>)</p>
  </xsl:template>

  <!-- Registers in a back or standOff: each entry a line, with its id so that references to it resolve. -->
  <xsl:template match="listPerson | listPlace | listBibl | listEvent | listOrg" mode="ed:text">
    <section class="register {local-name()}"><xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates select="head" mode="ed:text"/>
      <!-- (an entry with nothing in it, as an empty bibl a template left, is no entry) -->
      <ul><xsl:apply-templates select="(* except head)[normalize-space() or descendant-or-self::*/@*[not(name() =
          ('type', 'subtype', 'n', 'xml:id'))]]" mode="ed:register-entry"/></ul>
    </section>
  </xsl:template>

  <!-- In a register entry: born (*) and died (†), with date and place; a place's coordinates set apart; an
       identifier that is an address, a link. -->
  <xsl:template match="birth | death" mode="ed:text">
    <span class="{local-name()}"><xsl:value-of select="if (self::birth) then '* ' else '† '"/><xsl:apply-templates
        mode="ed:text"/></span>
  </xsl:template>
  <xsl:template match="location" mode="ed:text">
    <span class="location"> (<xsl:value-of select="normalize-space(.)"/>)</span>
  </xsl:template>
  <!-- the layout of a register's source (a line break before a name, after a date) is no space before a "; " -->
  <xsl:template match="text()[not(normalize-space())][empty(preceding-sibling::node()) or empty(following-sibling::node())]
      [ancestor::*[parent::listPerson | parent::listPlace | parent::listBibl | parent::listOrg | parent::listEvent]]"
      mode="ed:text"/>
  <xsl:template match="idno[ed:web-address(normalize-space(.))]" mode="ed:text">
    <a class="idno" href="{normalize-space(.)}"><xsl:call-template name="ed:attrs"/><xsl:value-of
        select="normalize-space(.)"/></a>
  </xsl:template>
  <!-- A point in the text that pointers lead to; the mark of a note kept apart that attaches here
       (ed:attached-apart). -->
  <xsl:template match="anchor" mode="ed:text">
    <span class="anchor"><xsl:call-template name="ed:attrs"/></span>
    <xsl:apply-templates select="key('ed:attached', string(@xml:id))" mode="ed:text">
      <xsl:with-param name="ed:attaching" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A note kept apart from the text (in a division of notes, the back, a group of notes), as letter editions keep
       them, that names the anchor of the text it attaches to (@target, TEI's point of attachment): its mark is at
       the anchor, not where the note stands. -->
  <xsl:key name="ed:attached" match="note[ed:attached-apart(.)]" use="ed:attachment(.)"/>
  <xsl:function name="ed:attached-apart" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/(parent::div | parent::back | parent::body | parent::noteGrp))
        and not(ed:in-place($note)) and exists(key('ed:by-id', ed:attachment($note), root($note))[self::anchor])"/>
  </xsl:function>
  <!-- The id a note's @target names first: where the note attaches. -->
  <xsl:function name="ed:attachment" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="replace(tokenize($note/@target)[1], '^#', '')"/>
  </xsl:function>

  <!-- A character the gaiji module declares: its content (a private-use character as the source has it, an
       interpunct), else the mapping its charDecl gives (the standard one first); its name, where declared, as its
       title. -->
  <xsl:template match="g" mode="ed:text">
    <span class="g"><xsl:call-template name="ed:attrs"/>
      <xsl:if test="ed:g-name(.)"><xsl:attribute name="title" select="ed:g-name(.)"/></xsl:if>
      <xsl:choose>
        <xsl:when test="node()"><xsl:apply-templates mode="ed:text"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="(ed:g-char(.)/mapping[@type = 'standard'], ed:g-char(.)/mapping,
            ed:g-char(.)/localProp[@name = 'glyph-display']/@value, ed:g-char(.)/@xml:id ! ('(' || . || ')'),
            substring-after(@ref, '#')[. != ''] ! ('(' || . || ')'))[1]"/>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <xsl:function name="ed:g-char" as="element()?">
    <xsl:param name="g" as="element()"/>
    <xsl:sequence select="if (starts-with($g/@ref, '#')) then key('ed:by-id', substring($g/@ref, 2), root($g))[1]
        else ()"/>
  </xsl:function>
  <xsl:function name="ed:g-name" as="xs:string?">
    <xsl:param name="g" as="element()"/>
    <xsl:sequence select="(ed:g-char($g)/localProp[@name = 'name']/@value, ed:g-char($g)/unicodeProp[@name =
        'Name']/@value, $g/@type)[1] ! string()"/>
  </xsl:function>

  <!-- An entry of a register: its parts joined by "; " where it is made of parts (a person's name, birth, death);
       an entry written as a sentence (a bibl in words: "T. Kempis, De la imitació ...; Barcelona, 1482") as it is
       written, its words and their markup in place. -->
  <!-- A structured reference is a reference as a bibliography prints it (vocabulary.xsl). -->
  <xsl:template match="biblStruct" mode="ed:register-entry">
    <li class="biblStruct"><xsl:apply-templates select="." mode="ed:text"/></li>
  </xsl:template>
  <!-- A register within a register (a list of reprints under the edition they reprint) is one, headed and listed. -->
  <xsl:template match="listPerson | listPlace | listBibl | listEvent | listOrg" mode="ed:register-entry">
    <li class="{local-name()}"><xsl:apply-templates select="." mode="ed:text"/></li>
  </xsl:template>
  <xsl:template match="*" mode="ed:register-entry">
    <li class="{local-name()}"><xsl:call-template name="ed:attrs"/>
      <xsl:choose>
        <xsl:when test="text()[normalize-space()]"><xsl:apply-templates mode="ed:text"/></xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="*"><xsl:apply-templates select="." mode="ed:text"/><xsl:if test="position() !=
              last()"><xsl:text>; </xsl:text></xsl:if></xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- A note printed in the running text (@place or @rend "inline", as FRUS prints a document's file number above
       its heading), a transcriber's note in a transcription of speech (spoken.xsl), a note of the critical
       apparatus (apparatus.xsl: part of its entry), and a note of the header shown on the page (a catalogue's
       remark in a manuscript's description: "Piers Plowman ('C' text)"; the notes apart are the text's), stays
       where it stands, set apart. -->
  <xsl:function name="ed:in-place" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="tokenize($note/@place) = 'inline' or tokenize($note/@rend) = 'inline'
        or exists($note/ancestor::u | $note/../u | $note/ancestor::app | $note/ancestor::teiHeader)
        or exists(ed:margin($note))"/>
  </xsl:function>
  <!-- A note the writer put in a margin (@place: margin, left, right, DTABf's and the Guidelines' values) is the
       source's own text, not the editor's: it stays where it was written, introduced by where it stands ("in the
       left margin: ..."), never among the editor's notes. -->
  <xsl:function name="ed:margin" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="place" select="tokenize($note/@place)[matches(., '^(margin|left|right)', 'i')][1]"/>
    <xsl:sequence select="$place ! ('in the ' || string-join((('left', 'right', 'inner', 'outer')[contains(
        lower-case($place), .)][1], 'margin'), ' '))"/>
  </xsl:function>

  <xsl:template match="note[ed:in-place(.)][not(ancestor::div[@type = 'record'])]" mode="ed:text" priority="1">
    <xsl:variable name="margin" select="ed:margin(.)"/>
    <xsl:element name="{if (parent::div or parent::body or parent::front or parent::back) then 'p' else 'span'}">
      <xsl:attribute name="class" select="string-join(('note', 'in-place', @type, $margin ! 'margin'), ' ')"/>
      <xsl:call-template name="ed:attrs"/>
      <xsl:if test="$margin"><span class="margin-label">(<xsl:value-of select="$margin"/>: </span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
      <xsl:if test="$margin"><span class="margin-label">)</span></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- A register entry's note describes it, in place. -->
  <xsl:template match="person/note | place/note | org/note | event/note" mode="ed:text" priority="1">
    <span class="note"><xsl:apply-templates mode="ed:text"/></span>
  </xsl:template>

  <!-- A note of any project: a numbered mark where it stands, the note itself apart (ed:notes: after the text on
       the web, a footnote in print). Numbers: the note's @n, else its place among the page's notes. -->
  <xsl:template match="note" mode="ed:text">
    <xsl:param name="ed:note-numbers" as="map(xs:string, xs:integer)" select="map{}" tunnel="yes"/>
    <xsl:param name="ed:attaching" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="n" select="ed:note-n(., $ed:note-numbers)"/>
    <xsl:if test="$ed:attaching or not(ed:attached-apart(.))">
      <a class="note-mark" id="{ed:note-id(., $n)}-ref" href="#{ed:note-id(., $n)}" role="doc-noteref"><sup><xsl:value-of select="$n"/></sup></a>
    </xsl:if>
  </xsl:template>

  <xsl:function name="ed:note-n" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="numbers" as="map(xs:string, xs:integer)"/>
    <xsl:sequence select="(normalize-space($note/@n)[. != ''], string($numbers(generate-id($note))), '*')[1]"/>
  </xsl:function>

  <xsl:function name="ed:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="if ($note/@xml:id) then ed:html-id($note) else ed:made-id($note, 'note')"/>
  </xsl:function>
  <!-- An id made for an element the TEI gives none (a note, a variant: their entries apart and the marks that lead
       there), its kind's prefix before it. -->
  <xsl:function name="ed:made-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$kind || '-' || replace(generate-id($e), '^d\d+', '')"/>
  </xsl:function>

  <!-- The notes of a text that are marked in it, in order: every note but those the edition renders in place. -->
  <xsl:function name="ed:endnotes" as="element()*">
    <xsl:param name="text" as="node()*"/>
    <xsl:sequence select="$text//note[not(ancestor::teiHeader)][not(parent::person | parent::place | parent::org
        | parent::event)][not(ed:in-place(.))][ed:is-endnote(.)]"/>
  </xsl:function>

  <xsl:function name="ed:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="true()"/>
  </xsl:function>

  <xsl:function name="ed:note-numbers" as="map(xs:string, xs:integer)">
    <xsl:param name="notes" as="element()*"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($notes) return map{generate-id($notes[$i]): $i})"/>
  </xsl:function>

  <!-- The notes apart: after the text, each with its number leading back to its mark; then the apparatus of the
       variants in the text (apparatus.xsl). -->
  <xsl:template name="ed:notes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:param name="variants" as="element()*" select="()"/>
    <xsl:param name="ed:note-numbers" as="map(xs:string, xs:integer)" tunnel="yes"/>
    <xsl:if test="exists($notes)">
      <section class="notes" aria-label="Notes">
        <h2 class="notes-head">Notes</h2>
        <ul class="notes">
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="ed:note-n(., $ed:note-numbers)"/>
            <li class="note {@type} {@place}" id="{ed:note-id(., $n)}" role="doc-endnote">
              <a class="note-back" href="#{ed:note-id(., $n)}-ref"><xsl:value-of select="$n"/></a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates mode="ed:text"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <xsl:call-template name="ed:variant-entries">
      <xsl:with-param name="variants" select="$variants"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
