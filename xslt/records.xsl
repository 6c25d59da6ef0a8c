<?xml version="1.0" encoding="UTF-8"?>
<!--
  The corpus as both publications see it: the files (parameters from Python), the records in time order, the
  register, the edition's description, and what each record says of itself (id, date and time, title, kind,
  interlocutors, translators). Imported by html.xsl and print.xsl, so the web and the print edition agree.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:err="http://www.w3.org/2005/xqt-errors"
    xmlns:xi="http://www.w3.org/2001/XInclude"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The files, as URIs: the records, the personography and the edition's description (both optional). -->
  <xsl:param name="records" as="xs:string*"/>
  <xsl:param name="persons" as="xs:string?"/>
  <xsl:param name="edition" as="xs:string?"/>
  <!-- The files an XInclude may bring in: the sources' own XML files that are not records (Python's
       Sources.includable: only files that lie inside the source folder, never a link out of it, never the
       network). A record's authority lists (an EpiDoc charDecl), a corpus's persons and organisations. -->
  <xsl:param name="includable" as="xs:string*"/>
  <xsl:variable name="ed:includable" as="map(xs:string, xs:boolean)"
      select="map:merge($includable ! map{ed:file-key(.): true()})"/>
  <!-- A file URI as one key, however it is spelt (file:/a, file:///a; letters encoded or not). -->
  <xsl:function name="ed:file-key" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="iri-to-uri(replace($uri, '^file:/+', 'file:///'))"/>
  </xsl:function>

  <!-- A document with its XIncludes resolved, as an XInclude processor would: an include of a whole file that is
       includable is replaced by that file's root (resolved in its turn, at most five deep), another by its
       fallback, else left as it stands (tei.xsl shows where it would include). The root remembers its file
       (ed:uri), as the copy has none. -->
  <xsl:function name="ed:included" as="document-node()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:document>
      <xsl:copy-of select="$doc/*/preceding-sibling::node()"/>  <!-- the prolog's xml-model and comments -->
      <xsl:for-each select="$doc/*">
        <xsl:copy>
          <xsl:attribute name="ed:uri" select="(@ed:uri, document-uri($doc))[1]"/>
          <xsl:apply-templates select="@* except @ed:uri, node()" mode="ed:include"/>
        </xsl:copy>
      </xsl:for-each>
    </xsl:document>
  </xsl:function>
  <!-- (an include with a fallback is resolved too: where its target may not be read, a URL, the fallback stands) -->
  <xsl:function name="ed:has-includes" as="xs:boolean">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="exists($doc/descendant::xi:include[exists($includable) or xi:fallback][1])"/>
  </xsl:function>
  <xsl:mode name="ed:include" on-no-match="shallow-copy"/>
  <xsl:template match="xi:include" mode="ed:include">
    <xsl:param name="ed:depth" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:variable name="uri" as="xs:string?" select="if (@href and not(@xpointer) and (not(@parse) or @parse =
        'xml')) then string(resolve-uri(@href, base-uri(.))) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($uri) and $ed:depth lt 5 and map:contains($ed:includable, ed:file-key($uri))">
        <xsl:apply-templates select="doc($uri)/*" mode="ed:include">
          <xsl:with-param name="ed:depth" select="$ed:depth + 1" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="xi:fallback">
        <xsl:apply-templates select="xi:fallback/node()" mode="ed:include"/>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Digests already made: by a previous build (a rebuild after a change, with the records that changed), or by
       the first runs of a build in parts (one file per part). A record with a digest here is not read again. -->
  <xsl:param name="cached-digests" as="xs:string*"/>
  <xsl:param name="changed" as="xs:string*"/>
  <!-- Whether the digests given are a slice of a build's digests, already in the records' order (a build in parts
       writes the pages of a few records per run): they are then taken as they are, not sorted again. -->
  <xsl:param name="ordered" as="xs:boolean" select="false()"/>
  <xsl:variable name="cached-roots" as="element()*" select="$cached-digests ! doc(.)/*"/>
  <xsl:variable name="cached" as="element(ed:record)*" select="$cached-roots/ed:record"/>
  <xsl:variable name="cache" as="map(xs:string, element(ed:record))"
      select="map:merge($cached ! map{string(@uri): .})"/>

  <!-- What each record says of itself, read once: the publications sort, list and index the records from these
       summaries, and open a record's document again only to write its own page. No document is kept in memory
       for the whole build, so a corpus of any size fits (xsl:source-document does not keep what it reads). -->
  <xsl:variable name="digests" as="element(ed:record)*" select="if ($ordered) then $cached else $sorted"/>
  <xsl:variable name="sorted" as="element(ed:record)*">
    <xsl:variable name="all" as="element(ed:record)*">
      <xsl:for-each select="$records">
        <xsl:choose>
          <xsl:when test="map:contains($cache, .) and not(. = $changed)">
            <xsl:sequence select="$cache(.)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="uri" select="."/>
            <xsl:try>
              <xsl:source-document href="{.}" streamable="no">
                <xsl:sequence select="ed:digest(ed:as-record(.))"/>
              </xsl:source-document>
              <xsl:catch><xsl:sequence select="ed:failed-in($uri, $err:code, $err:description)"/></xsl:catch>
            </xsl:try>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <!-- Within a day, records keep the order of the source publication when every record says where it stands
         there (sourceDesc/bibl/citedRange): a record without a printed time then stays where the source put it. -->
    <xsl:variable name="by-source" select="every $d in $all satisfies $d/@source-line castable as xs:integer"/>
    <xsl:perform-sort select="$all">
      <xsl:sort select="substring(@start, 1, 10)"/>
      <xsl:sort select="if ($by-source) then number(@source-line) else 0" data-type="number"/>
      <xsl:sort select="string(@start)"/>
      <xsl:sort select="string(@id)"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!-- Where each record stands among the digests, by id: a record's digest found without a search through all. -->
  <xsl:variable name="positions" as="map(xs:string, xs:integer)"
      select="map:merge($digests ! map{string(@id): position()})"/>
  <xsl:function name="ed:position" as="xs:integer">
    <xsl:param name="record" as="element(ed:record)"/>
    <xsl:sequence select="$positions(string($record/@id))"/>
  </xsl:function>
  <xsl:function name="ed:digest-of" as="element(ed:record)?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$digests[$positions($id)]"/>
  </xsl:function>

  <!-- The records themselves, in the same order (the print edition lays them all out at once). -->
  <xsl:variable name="docs" as="document-node()*" select="$digests ! ed:as-record(doc(@uri))"/>

  <!-- A record file as the publications read it. A chapter of a larger work kept in a file of its own without a
       header (a root div, as each chapter of the TEI Guidelines is; Python's sources.CHAPTER_ROOTS) becomes a TEI
       document whose header holds only what the chapter says: its heading as the title, its language. The
       chapter keeps its own ids; the record is named by the chapter's xml:id, else by its file (ed:id), and
       remembers its file (ed:uri). -->
  <xsl:function name="ed:as-record" as="document-node()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="if ($doc/TEI[not(text)][* except teiHeader]) then ed:volume(if (ed:has-includes($doc))
        then ed:included($doc) else $doc)
        else if ($doc/TEI) then (if (ed:has-includes($doc)) then ed:included($doc) else $doc)
        else if ($doc/teiCorpus) then ed:volume(if (ed:has-includes($doc)) then ed:included($doc) else $doc)
        else ed:headerless($doc)"/>
  </xsl:function>
  <!-- A corpus that holds its documents (teiCorpus with TEI inside; a nested corpus's documents among them), or a
       TEI document without a text of its own (TEI nested in it, a facsimile, a genetic transcription: sourceDoc, a
       feature system declaration), is a volume: its header, and each document a part (div type="document",
       published as a page of its own where there are two or more: ed:parts) headed by its title, holding its
       text; what else the document holds (its facsimile, the transcription of its surfaces) follows. -->
  <xsl:function name="ed:volume" as="document-node()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:document>
      <TEI xmlns="http://www.tei-c.org/ns/1.0" ed:uri="{ed:uri($doc)}" ed:id="{$doc/*/@xml:id}">
        <xsl:copy-of select="$doc/*/@xml:lang, $doc/*/teiHeader"/>
        <text>
          <body>
            <xsl:for-each select="$doc/*//TEI[not(ancestor::TEI except $doc/*)]">
              <div type="document">
                <xsl:copy-of select="@xml:id, @xml:lang"/>
                <head><xsl:value-of select="normalize-space((teiHeader/fileDesc/titleStmt/title)[1])"/></head>
                <xsl:copy-of select="text/(front | body | back)/node()"/>
              </div>
            </xsl:for-each>
            <xsl:copy-of select="$doc/TEI/(* except (teiHeader | TEI))"/>
          </body>
        </text>
      </TEI>
    </xsl:document>
  </xsl:function>
  <xsl:function name="ed:headerless" as="document-node()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:document>
      <TEI xmlns="http://www.tei-c.org/ns/1.0" ed:uri="{document-uri($doc)}" ed:id="{$doc/*/@xml:id}">
        <xsl:copy-of select="$doc/*/@xml:lang"/>
        <teiHeader>
          <fileDesc>
            <titleStmt>
              <title><xsl:value-of select="(normalize-space($doc/*/head[1])[. != ''],
                  replace(document-uri($doc), '^.*/|\.xml$', ''))[1]"/></title>
            </titleStmt>
            <publicationStmt><p/></publicationStmt>
            <sourceDesc><p/></sourceDesc>
          </fileDesc>
        </teiHeader>
        <text><body><xsl:copy-of select="$doc/*"/></body></text>
      </TEI>
    </xsl:document>
  </xsl:function>
  <!-- The file a record was read from. -->
  <xsl:function name="ed:uri" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="string(($doc/*/@ed:uri, document-uri($doc))[1])"/>
  </xsl:function>

  <!-- An error met while a record was read or written, raised again with the record's URI (Python reports its
       file): "ed:in-record URI CODE description". The edition's own errors (ed:*) already say what is wrong, and
       pass as they are. -->
  <xsl:function name="ed:failed-in" as="empty-sequence()">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:param name="code" as="xs:QName"/>
    <xsl:param name="description" as="xs:string?"/>
    <xsl:sequence select="if (namespace-uri-from-QName($code) = 'urn:x-edition') then error($code, $description)
        else error(xs:QName('ed:in-record'), $uri || ' ' || local-name-from-QName($code) || ' ' || $description)"/>
  </xsl:function>

  <xsl:variable name="ed:rendered-namespaces" as="xs:string*" select="('http://www.w3.org/1998/Math/MathML',
      'http://www.w3.org/2000/svg', 'http://relaxng.org/ns/structure/1.0', 'http://purl.oclc.org/dsdl/schematron')"/>
  <!-- What a record's editorial declaration says, as one string: the records that declare the same conventions
       have the same key (html.xsl, the principles page). A digest made in this run holds it (@conventions); a
       stored one, the number of its declaration in the table at the head of its file (ed:declaration, @declared),
       so that a large edition's digests hold each declaration once and not once a record (ed:stored). -->
  <xsl:function name="ed:conventions-key" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="string-join(($doc/*/teiHeader/encodingDesc/editorialDecl)[1]/* ! (local-name() || ': ' ||
        normalize-space()), ' | ')"/>
  </xsl:function>
  <xsl:variable name="ed:declared" as="map(xs:string, xs:string)" select="map:merge($cached-roots !
      (let $file := generate-id(.) return ed:declaration ! map{$file || ' ' || @n: string(.)}))"/>
  <xsl:function name="ed:conventions-of" as="xs:string">
    <xsl:param name="record" as="element(ed:record)"/>
    <xsl:sequence select="if ($record/@declared) then $ed:declared(generate-id($record/..) || ' ' || $record/@declared)
        else string($record/@conventions)"/>
  </xsl:function>
  <!-- "1 record", "1,234 records". -->
  <xsl:function name="ed:records" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="format-integer($n, '#,##0') || (if ($n = 1) then ' record' else ' records')"/>
  </xsl:function>
  <!-- The heading of a declaration of conventions: by all records, or by how many of all. -->
  <xsl:function name="ed:declared-by" as="xs:string">
    <xsl:param name="by" as="xs:integer"/>
    <xsl:param name="all" as="xs:integer"/>
    <xsl:sequence select="if ($by = $all) then 'The conventions, as every record declares them'
        else 'The conventions, as ' || ed:records($by) || ' of ' || format-integer($all, '#,##0')
        || (if ($by = 1) then ' declares them' else ' declare them')"/>
  </xsl:function>
  <!-- The digests as a file keeps them: the declarations once, in a table, and each record with its number. -->
  <xsl:template name="ed:stored">
    <xsl:param name="records" as="element(ed:record)*"/>
    <xsl:variable name="keys" as="xs:string*" select="$records ! ed:conventions-of(.)"/>
    <xsl:variable name="declarations" as="xs:string*" select="distinct-values($keys[. != ''])"/>
    <xsl:variable name="numbers" as="map(xs:string, xs:integer)"
        select="map:merge(for $k in 1 to count($declarations) return map{$declarations[$k]: $k})"/>
    <xsl:for-each select="$declarations">
      <ed:declaration n="{position()}"><xsl:value-of select="."/></ed:declaration>
    </xsl:for-each>
    <xsl:for-each select="$records">
      <xsl:variable name="k" select="position()"/>
      <xsl:variable name="key" select="$keys[$k]"/>
      <xsl:copy>
        <xsl:copy-of select="@* except (@conventions, @declared)"/>
        <xsl:if test="$key != ''"><xsl:attribute name="declared" select="$numbers($key)"/></xsl:if>
        <xsl:copy-of select="node()"/>
      </xsl:copy>
    </xsl:for-each>
  </xsl:template>
  <xsl:function name="ed:digest" as="element(ed:record)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="d" select="ed:date($doc)"/>
    <xsl:variable name="begin" select="ed:minutes(($d/@from, $d/@when)[1])"/>
    <ed:record id="{ed:id($doc)}" uri="{ed:uri($doc)}" start="{ed:start($doc)}" when="{ed:when($doc)}"
        title="{ed:title($doc)}" kind="{ed:kind($doc)}" conventions="{ed:conventions-key($doc)}"
        source-line="{($doc/*/teiHeader/fileDesc/sourceDesc/bibl/citedRange/@from)[1]}">
      <xsl:if test="exists($begin)">
        <xsl:attribute name="begin" select="$begin"/>
        <xsl:attribute name="end" select="(ed:minutes($d/@to), $begin + 10)[1]"/>
      </xsl:if>
      <xsl:for-each select="ed:translators($doc)"><ed:translator><xsl:value-of select="."/></ed:translator></xsl:for-each>
      <!-- a letter's correspondents, for the table of records (from → to) -->
      <xsl:for-each select="ed:correspondence($doc)[@names != ''][@label = ('From', 'To')]"><ed:corresp label="{@label}" names="{@names}"/>
      </xsl:for-each>
      <!-- the pages of its parts, where it is published in parts (for the sitemap) -->
      <xsl:for-each select="ed:parts($doc)"><ed:part id="{ed:part-id(.)}"/></xsl:for-each>
      <!-- who made the text and on what terms it may be used: what a licence such as CC BY asks to be named -->
      <xsl:variable name="file" select="$doc/*/teiHeader/fileDesc"/>
      <xsl:variable name="licence" select="($file/publicationStmt/availability/licence)[1]"/>
      <ed:rights authors="{ed:names($file/titleStmt/author)}" editors="{ed:names($file/titleStmt/editor)}"
          funders="{ed:names($file/titleStmt/funder)}" publisher="{ed:names($file/publicationStmt/(publisher |
          distributor | authority))}" licence="{(normalize-space($licence)[. != ''], string($licence/@target),
          normalize-space(($file/publicationStmt/availability/p)[1]))[. != ''][1]}"
          href="{$licence/@target ! ed:safe-href(.)}" conversation="{$doc/*/text/@type = 'conversation'}"/>
      <xsl:for-each select="ed:own-persons($doc)"><ed:own id="{@xml:id}" name="{ed:person-name(.)}"/></xsl:for-each>
      <xsl:for-each select="distinct-values(($doc//particDesc//person/@sameAs ! tokenize(.)[starts-with(., '#')]
          ! substring(., 2), $doc//(sp | u) ! ed:who-ids(.)))">
        <ed:person id="{.}"/>
      </xsl:for-each>
      <!-- the number of each turn among its siblings, counted once (a count of preceding siblings per turn would
           grow with the square of a record's turns) -->
      <xsl:variable name="n" as="map(xs:string, xs:integer)" select="map:merge(
          for $parent in $doc//text//(sp | u)/(parent::annotationBlock/.., parent::*[not(self::annotationBlock)])
          return (let $turns := $parent/(sp | u | annotationBlock/u)
          return for $k in 1 to count($turns) return map{generate-id($turns[$k]): $k}))"/>
      <!-- where each person speaks and is named, as the register links them: one element for each person, its
           places a list of tokens, "ID:N" a turn by its id and number (each turn once), "=heading" (or
           "=text", "=source_note") a name outside the turns (each kind once). A list, not an element for each
           turn and name: the register of an edition of 100,000 records holds them all at once. -->
      <xsl:for-each-group select="$doc//text//(sp | u)" group-by="ed:who-ids(.)">
        <ed:spoke who="{current-grouping-key()}">
          <xsl:attribute name="at" separator=" ">
            <xsl:for-each-group select="current-group()" group-by="string(@xml:id)">
              <xsl:sequence select="current-grouping-key() || ':' || $n(generate-id(.))"/>
            </xsl:for-each-group>
          </xsl:attribute>
        </ed:spoke>
      </xsl:for-each-group>
      <xsl:for-each-group select="$doc//text//persName[ed:target(@ref)]" group-by="ed:target(@ref)">
        <ed:named ref="{current-grouping-key()}">
          <xsl:attribute name="at" separator=" ">
            <xsl:for-each-group select="current-group()" group-by="let $sp := ancestor::sp[1] return
                if ($sp/@xml:id) then $sp/@xml:id || ':' || $n(generate-id($sp)) else '=' || (if ($sp) then 'turn'
                else if (ancestor::head) then 'heading' else if (ancestor::note[@type = 'source']) then 'source_note'
                else 'text')">
              <xsl:sequence select="current-grouping-key()"/>
            </xsl:for-each-group>
          </xsl:attribute>
        </ed:named>
      </xsl:for-each-group>
      <!-- The elements shown only by their text: a TEI element by its name, another namespace's by its prefixed
           name (an SVG rect is no TEI rect). An example of markup (egXML) is shown as markup, and an XInclude left
           unresolved as where it would include (tei.xsl); MathML, SVG, RELAX NG and Schematron as themselves
           (vocabulary.xsl): none is counted. -->
      <xsl:for-each-group select="$doc/*/text//*[not(namespace-uri() = 'http://www.tei-c.org/ns/1.0'
          and map:contains($ed:known, local-name()))][not(ancestor-or-self::*:egXML or
          self::Q{http://www.w3.org/2001/XInclude}include)][not(namespace-uri() = $ed:rendered-namespaces)]"
          group-by="if (namespace-uri() = 'http://www.tei-c.org/ns/1.0') then local-name() else if (prefix-from-QName(
              node-name(.))) then name() else 'Q{' || namespace-uri() || '}' || local-name()">
        <ed:unknown name="{current-grouping-key()}" count="{count(current-group())}"/>
      </xsl:for-each-group>
    </ed:record>
  </xsl:function>

  <!-- Every record needs an id of its own: its pages and PDF are named by it. Called before anything is written. -->
  <xsl:template name="ed:check-ids">
    <xsl:for-each-group select="$digests" group-by="@id">
      <xsl:if test="count(current-group()) gt 1">
        <xsl:sequence select="error(xs:QName('ed:id-unique'), 'records ' || string-join(current-group()/@uri !
            replace(., '^file:(//)?', ''), ' and ') || ' have the same id, ' || current-grouping-key()
            || ': give each record an id of its own (TEI/@xml:id)')"/>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:template>

  <!-- The register: the edition's personography (persons.xml), else the corpus root's header (a teiCorpus, as
       ParlaMint's: its particDesc includes the lists of persons and organisations). -->
  <xsl:variable name="register" as="document-node()?" select="if ($persons) then doc($persons)
      else if ($about/teiCorpus) then ed:included($about) else ()"/>

  <!-- A file that holds many documents (a FRUS volume: div type="document") is published as one page per
       document under the volume's page. The level is a division type: $split, else "document" where a file has two
       or more of them; "none" keeps every file one page. -->
  <xsl:param name="split" as="xs:string?" select="()"/>
  <xsl:function name="ed:parts" as="element()*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="type" select="($split[. != ''], 'document')[1]"/>
    <xsl:variable name="parts" select="if ($type = 'none') then () else
        $doc/*/text/body//div[@type = $type][not(ancestor::div[@type = $type])]"/>
    <xsl:sequence select="if (count($parts) ge 2) then $parts else ()"/>
  </xsl:function>

  <!-- A part's page name: its xml:id where that can name a page, else its place among the parts. -->
  <xsl:function name="ed:part-id" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="if (matches(string($part/@xml:id), '^[\c-[:.\-]][\c-[:]]*$')) then string($part/@xml:id)
        else 'part-' || (count($part/preceding::div[@type = $part/@type]) + 1)"/>
  </xsl:function>

  <!-- A part as contents and links name it: its number and its heading (12. Heading), else its page name. -->
  <xsl:function name="ed:part-title" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="(string-join((ed:division-number($part), normalize-space(($part/head)[1]))
        ! normalize-space()[. != ''], '. ')[. != ''], ed:part-id($part))[1]"/>
  </xsl:function>

  <!-- The part of its record a node lies in (none for a record not split, or outside the parts). -->
  <xsl:function name="ed:part-of" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="parts" select="ed:parts(root($node))"/>
    <xsl:sequence select="if (exists($parts)) then ($node/ancestor-or-self::div intersect $parts)[1] else ()"/>
  </xsl:function>

  <!-- How a person is filed in a register or an index: by surname, without an Arabic article (al-Assad under A);
       by the given name where the "surname" is a patronymic (Hussein bin Talal under H) or there is none (a king);
       a name not divided into parts by its last word (George H. W. Bush under B). -->
  <xsl:function name="ed:filing" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="name" select="ed:main-name($person)"/>
    <xsl:variable name="surname" select="ed:surname($name)"/>
    <xsl:variable name="key" select="if ($surname) then normalize-space($surname) else if ($name/surname | $name/forename)
        then normalize-space(($name/forename, $name/surname)[1]) else tokenize(normalize-space($name), '\s+')[last()]"/>
    <xsl:sequence select="lower-case(replace($key, '^(al|el|ad|an|ar|as|at|az)-', '', 'i')) || ' '
        || lower-case(normalize-space($name))"/>
  </xsl:function>

  <!-- A person's name as the register gives it first (not a variant). -->
  <xsl:function name="ed:main-name" as="element()?">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="($person/persName[not(@type)], $person/persName)[1]"/>
  </xsl:function>
  <!-- The surname a name is filed under: none where its "surname" is a patronymic (bin Talal). -->
  <xsl:function name="ed:surname" as="element()?">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="$name/surname[not(matches(normalize-space(.), '^(bin|ibn|ben|bint)\s', 'i'))][1]"/>
  </xsl:function>

  <!-- Whether the edition's register (persons.xml) lists an id. -->
  <xsl:function name="ed:in-register" as="xs:boolean">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="exists($register) and exists(key('ed:by-id', $id, $register))"/>
  </xsl:function>
  <!-- The persons a record lists itself (a play's cast, a transcript's speakers: particDesc), where the edition's
       register does not hold them: the record's facts list them (id "person-" and theirs), and the register page
       under the record. -->
  <xsl:function name="ed:own-persons" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/*/teiHeader/profileDesc/particDesc//(person | personGrp)[@xml:id][not(@sameAs)]
        [not(ed:in-register(@xml:id))]"/>
  </xsl:function>
  <!-- A person's or a group's name as a list gives it. -->
  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="(($person/persName[not(@type)], $person/persName, $person/name, $person)[1] !
        normalize-space(), string($person/@xml:id))[. != ''][1]"/>
  </xsl:function>
  <xsl:variable name="about" as="document-node()?" select="$edition ! doc(.)"/>
  <!-- The edition's own address, where its description gives one (publicationStmt/idno[@type = 'URL']), ending in
       a slash: what a link relative to the site resolves against outside the site (the print edition). A persistent
       identifier (a handle, a DOI: ParlaMint's idno subtype="handle") names a landing page, under which no record's
       page lies: never a base. -->
  <xsl:param name="base-url" as="xs:string?" select="($about/*/teiHeader/fileDesc/publicationStmt/idno[@type = ('URL', 'URI')]
      [not(@subtype = ('handle', 'doi', 'DOI'))] ! normalize-space()[matches(., '^https?://[^/\s]+')]
      [not(matches(., '^https?://(hdl\.handle\.net|(dx\.)?doi\.org)/', 'i'))])[1] ! replace(., '([^/])$', '$1/')"/>
  <!-- The edition's title: its description's; without one, the title of its one record (a volume published on
       its own); else a name that claims nothing. -->
  <xsl:variable name="title" as="xs:string" select="($about//titleStmt/title[not(@type = 'sub')],
      $digests[last() = 1]/@title, 'The edition')[1] => normalize-space()"/>

  <!-- Who speaks in every record (the principal, as Gorbachev here) is not listed as each record's interlocutor.
       Only those who speak in the first record can, so only they are looked for in the others. -->
  <xsl:variable name="everywhere" as="xs:string*" select="if ($ordered) then tokenize($cached-roots[1]/@everywhere)
      else if (count($digests) lt 2) then () else
      (for $id in $digests[1]/ed:spoke/@who ! string() return $id[every $d in $digests satisfies $d/ed:spoke[@who =
       $id]])"/>

  <xsl:key name="person" match="person | personGrp | org" use="@xml:id"/>

  <!-- The record's id (file name), and where it sits in time. -->
  <!-- A record's id names its files and the links to them: its xml:id without "rec-", else its file name (the rule
       of edition.conventions.record_name). Python refuses an unsafe id before a build starts (unsafe_name); here an
       id that is not made of name characters stops the run all the same, so that no page is written outside the
       output folder and no link made of an id leaves the site. -->
  <xsl:function name="ed:id" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="tei" select="$doc/*"/>
    <xsl:variable name="id" select="(replace(($tei/@xml:id, $tei/@ed:id)[1], '^rec-', ''),
        replace(ed:uri($doc), '^.*/|\.xml$', ''))[. != ''][1]"/>
    <xsl:sequence select="if (matches($id, '^[\c-[:.\-]][\c-[:]]*$')) then $id else error(xs:QName('ed:record-id'),
        'the record id ' || $id || ' (' || ed:uri($doc) || ') cannot name a page: only letters, digits, ''.'', ''-'' and ''_'' may make a record id')"/>
  </xsl:function>
  <xsl:function name="ed:date" as="element()?">
    <xsl:param name="doc" as="document-node()"/>
    <!-- The date of the text itself: a record's setting, a letter's sending, the text's creation, a play's writing
         (else its printing, else its first performance: DraCor's events), its own dateline, its first edition,
         its source; never the date of the digital publication, nor of the edition a text was taken from. -->
    <!-- (a manuscript's or an inscription's: when it was made, its origin's origDate; never when it was acquired,
         seen or catalogued; nor the imprint of the printed edition a letter was taken from, unless the source is
         an article, whose imprint dates it) -->
    <xsl:sequence select="ed:dated(($doc//profileDesc/settingDesc/setting/date, $doc//profileDesc/correspDesc/correspAction[@type
        = 'sent']/date, $doc//profileDesc/creation//date, ed:events($doc), ed:datelines($doc)//date,
        $doc//sourceDesc//bibl[ed:type-word(@type) = 'firstedition']//date,
        $doc//sourceDesc//msDesc/history/origin//origDate[@when | @from | @notBefore | @notAfter | @to],
        $doc//sourceDesc//msDesc/history/origin//origDate,
        $doc//sourceDesc//date[not(ancestor::publicationStmt | ancestor::bibl[ed:type-word(@type) = ('digitalsource',
        'originalsource', 'printsource')] | ancestor::msDesc | ancestor::imprint[not(../../analytic)])])[1])"/>
  </xsl:function>
  <!-- A type as projects spell TEI's camel-cased values: digitalSource, digital-source, digital_source and "Digital
       Source" are one kind, "digitalsource". -->
  <xsl:function name="ed:type-word" as="xs:string">
    <xsl:param name="type" as="attribute()?"/>
    <xsl:sequence select="lower-case(replace(string($type), '[\s_\-]', ''))"/>
  </xsl:function>
  <!-- A date dated by TEI's ISO 8601 attributes alone (att.datable.iso: when-iso, from-iso, to-iso, notBefore-iso,
       notAfter-iso) read as the W3C attributes they stand beside: a postmark's notBefore-iso="1964-12-23T14:00:01+01:00"
       is read as notBefore is. A date with any W3C attribute is as it is. -->
  <xsl:function name="ed:dated" as="element()?">
    <xsl:param name="d" as="element()?"/>
    <xsl:choose>
      <xsl:when test="$d/@*[ends-with(local-name(), '-iso')] and empty($d/(@when | @from | @to | @notBefore | @notAfter))">
        <xsl:element name="{local-name($d)}" namespace="{namespace-uri($d)}">
          <xsl:for-each select="$d/@*">
            <xsl:attribute name="{if (ends-with(local-name(), '-iso')) then substring-before(local-name(), '-iso')
                else name()}" namespace="{namespace-uri()}" select="."/>
          </xsl:for-each>
          <xsl:copy-of select="$d/node()"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>
  <!-- The events of a text's life that date it (DraCor's standOff): written, printed, first performed, in that
       order; ed:event-label names each. -->
  <xsl:function name="ed:events" as="element(event)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="events" select="$doc/*/standOff/listEvent/event[@when | @from | @notBefore | @notAfter]"/>
    <xsl:sequence select="for $type in ('written', 'print', 'premiere') return $events[@type = $type]"/>
  </xsl:function>
  <xsl:function name="ed:event-label" as="xs:string">
    <xsl:param name="event" as="element(event)"/>
    <xsl:sequence select="map{'written': 'Written', 'print': 'Printed', 'premiere': 'First performed'}($event/@type)"/>
  </xsl:function>
  <!-- A span of years the sources leave open (notBefore and notAfter): 1802–1808; none where one bound is given
       (ed:bound). -->
  <xsl:function name="ed:between" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="if ($d/@notBefore and $d/@notAfter) then ed:days($d/@notBefore, $d/@notAfter) else ''"/>
  </xsl:function>
  <!-- The days from one to another ("1687-08-17–1691-10-29"), one day where they are the same; bounds that are a
       year's first and last days as the years they are: a catalogue's notBefore="1788-01-01" notAfter="1789-12-31"
       for "AD 1788-9" is 1788–1789, never two days nobody wrote. -->
  <xsl:function name="ed:days" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="days" select="($from, $to) ! substring(., 1, 10)"/>
    <xsl:variable name="whole" select="every $d in $days satisfies $d castable as xs:date"/>
    <xsl:variable name="kept" select="if ($whole and ends-with($days[1], '-01-01') and ends-with($days[2], '-12-31'))
        then $days ! substring(., 1, string-length(.) - 6) else $days"/>
    <xsl:sequence select="string-join(distinct-values($kept), '&#x2013;')"/>
  </xsl:function>
  <!-- A date of one bound, as it says it: "not after December 1819" (never "December 1819", a month it does not
       give). -->
  <xsl:function name="ed:bound" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="if ($d/@notBefore and not($d/@notAfter)) then 'not before ' || ed:in-words(substring(
        $d/@notBefore, 1, 10)) else if ($d/@notAfter and not($d/@notBefore)) then 'not after ' || ed:in-words(
        substring($d/@notAfter, 1, 10)) else ''"/>
  </xsl:function>
  <!-- The text's own datelines: not those of the documents a volume holds (ed:parts), which date each document,
       not the volume (a FRUS volume is not of the day of its first telegram). -->
  <xsl:function name="ed:datelines" as="element(dateline)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="parts" select="ed:parts($doc)"/>
    <xsl:sequence select="$doc/*/text//dateline[empty(ancestor::div intersect $parts)]"/>
  </xsl:function>
  <xsl:function name="ed:start" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="d" select="ed:date($doc)"/>
    <xsl:sequence select="string(($d/@from, $d/@when, $d/@notBefore, '9999')[1])"/>
  </xsl:function>
  <xsl:function name="ed:minutes" as="xs:integer?">
    <xsl:param name="dateTime" as="xs:string?"/>
    <xsl:sequence select="if (matches(string($dateTime), 'T\d\d:\d\d')) then
        xs:integer(substring-after($dateTime, 'T') => substring(1, 2)) * 60 + xs:integer(substring-after($dateTime, 'T') => substring(4, 2))
        else ()"/>
  </xsl:function>
  <xsl:function name="ed:hhmm" as="xs:string">
    <xsl:param name="dateTime" as="xs:string?"/>
    <xsl:sequence select="substring(substring-after(string($dateTime), 'T'), 1, 5)"/>
  </xsl:function>
  <!-- Names as the header gives them (persName, name, orgName), not their identifiers (idno); '; ' between. -->
  <xsl:function name="ed:name-words" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/(forename | surname | roleName | addName | genName | nameLink)) then
        ed:display-name($name) else normalize-space($name)"/>
  </xsl:function>
  <xsl:function name="ed:names" as="xs:string">
    <xsl:param name="who" as="element()*"/>
    <!-- (a name in parts, <forename>Irene</forename><surname>Polinskaya</surname>, with a space between them) -->
    <xsl:sequence select="string-join($who ! (if (persName | name | orgName) then persName | name | orgName else .)
        ! ed:name-words(.)[. != ''], '; ')"/>
  </xsl:function>

  <!-- The records' authors, editors, funders, publishers and licences (their digests' ed:rights), for the
       colophons: records that share them are named together. link: a record's page, from its id (none in print). -->
  <xsl:template name="ed:attributions">
    <xsl:param name="link" as="function(xs:string) as xs:string?"/>
    <xsl:variable name="said" select="$digests[ed:rights/(@authors, @editors, @funders, @publisher, @licence) != '']"/>
    <xsl:if test="exists($said)">
      <section class="attributions">
        <h2>Texts and licences</h2>
        <xsl:for-each-group select="$said" group-by="ed:rights/string-join((@authors, @editors, @funders, @publisher,
            @licence, @href), '|')">
          <xsl:variable name="r" select="ed:rights"/>
          <p class="attribution">
            <xsl:choose>
              <xsl:when test="count(current-group()) = count($digests) and count($digests) gt 1">All records</xsl:when>
              <xsl:otherwise>
                <xsl:for-each select="current-group()">
                  <xsl:variable name="href" select="$link(@id)"/>
                  <xsl:choose>
                    <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="@title"/></a></xsl:when>
                    <xsl:otherwise><i><xsl:value-of select="@title"/></i></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="position() != last()">; </xsl:if>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="string-join((
                $r/@authors[. != ''] ! ('by ' || .), $r/@editors[. != ''] ! ('edited by ' || .),
                $r/@funders[. != ''] ! ('funded by ' || .), $r/@publisher[. != ''] ! ('published by ' || .)), ', ')"/>
            <xsl:if test="$r/@licence != ''">
              <xsl:if test="($r/@authors, $r/@editors, $r/@funders, $r/@publisher) != ''">. </xsl:if>
              <span class="licence">Licence: <xsl:value-of select="replace($r/@licence, '\.$', '')"/></span>
              <xsl:if test="$r/@href != '' and $r/@href != $r/@licence">
                <xsl:text> (</xsl:text><a rel="license" href="{$r/@href}"><xsl:value-of select="$r/@href"/></a>)</xsl:if>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </p>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The facts of a record (the context: its document) as both publications list them. Those particular to
       records of conversations (participants, translators, archive) only where it is one or has them; authors,
       editors and licence where the header gives them. register-href: the register the participants link to (none
       in print, where the index lists them). -->
  <xsl:template name="ed:facts">
    <xsl:param name="register-href" as="xs:string?"/>
    <xsl:variable name="header" select="*/teiHeader"/>
    <xsl:variable name="conversation" select="*/text/@type = 'conversation'"/>
    <dl class="facts">
      <xsl:variable name="events" select="ed:events(.)"/>
      <xsl:if test="(ed:when(.) != '' or $conversation) and empty($events)">
        <dt>Date<xsl:if test="$conversation"> and time</xsl:if></dt><dd><xsl:value-of select="ed:in-words(ed:when(.))"/></dd>
      </xsl:if>
      <xsl:for-each select="$events">
        <dt><xsl:value-of select="ed:event-label(.)"/></dt>
        <dd><xsl:value-of select="(ed:in-words((substring((@when, @from)[1], 1, 10), ed:between(.))[. != ''][1])[.
            != ''], ed:bound(.))[1]"/></dd>
      </xsl:for-each>
      <xsl:for-each select="ed:correspondence(.)">
        <dt><xsl:value-of select="@label"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="$header/profileDesc/correspDesc/correspContext/ref[@type = ('prev', 'previous', 'next')]">
        <xsl:variable name="id" select="ed:record-of(@target)"/>
        <dt><xsl:value-of select="if (@type = 'next') then 'Next letter' else 'Previous letter'"/></dt>
        <dd>
          <xsl:variable name="words" select="(normalize-space(.)[. != ''], string(@target))[1]"/>
          <xsl:variable name="href" select="ed:record-href(@target)"/>
          <xsl:choose>
            <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="$words"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="$words"/><xsl:if test="empty($id)"> (not in this edition)</xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <xsl:for-each select="($header//settingDesc/setting/placeName, ed:datelines(.)/placeName)[1]
          [empty($header/profileDesc/correspDesc/correspAction/placeName)]">
        <dt>Place</dt><dd><xsl:value-of select="normalize-space(.)"/></dd>
      </xsl:for-each>
      <xsl:if test="ed:kind(.) != ''"><dt>Kind</dt><dd><xsl:value-of select="ed:kind(.)"/></dd></xsl:if>
      <!-- (a name given only by a key into the project's list, <editor key="AB"/>: that key) -->
      <xsl:for-each-group select="$header/fileDesc/titleStmt/(author | editor)[ed:names(.) != '' or @key]"
          group-by="local-name()">
        <dt><xsl:value-of select="if (current-grouping-key() = 'author') then 'Author' else 'Edited by'"/></dt>
        <dd><xsl:value-of select="string-join(current-group() ! (ed:names(.)[. != ''], @key)[1], '; ')"/></dd>
      </xsl:for-each-group>
      <xsl:if test="$header//particDesc//person[@sameAs]">
        <dt>Participants</dt>
        <dd>
          <ul class="participants">
            <xsl:for-each select="$header//particDesc//person[@sameAs]">
              <li><xsl:choose>
                <xsl:when test="$register-href"><a href="{ed:person-page(ed:target(@sameAs), $register-href)}"><xsl:value-of
                    select="normalize-space(persName)"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="normalize-space(persName)"/></xsl:otherwise>
              </xsl:choose></li>
            </xsl:for-each>
          </ul>
        </dd>
      </xsl:if>
      <xsl:variable name="own" select="ed:own-persons(.)"/>
      <xsl:if test="exists($own)">
        <dt>Persons</dt>
        <dd>
          <ul class="participants">
            <xsl:for-each select="$own"><li id="person-{@xml:id}"><xsl:value-of select="ed:person-name(.)"/></li></xsl:for-each>
          </ul>
        </dd>
      </xsl:if>
      <xsl:if test="$conversation or exists(ed:translators(.))">
        <dt>Translated by</dt>
        <dd class="credit"><xsl:value-of select="(string-join(ed:translators(.), ', ')[. != ''],
            $header//notesStmt/note[@type = 'credit'] ! normalize-space(), 'not named')[1]"/></dd>
      </xsl:if>
      <xsl:if test="$conversation or $header//sourceDesc/msDesc">
        <dt>Source</dt>
        <dd class="provenance">
          <xsl:value-of select="ed:archive(.)"/>
          <xsl:for-each select="$header//sourceDesc/bibl/publisher">
            <xsl:text>; published by </xsl:text><xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <!-- the edition or copy a text was taken from, as its header cites it (a poem's digital source, a novel's
           print source and first edition): each as cited, its links live, after its kind where the type names one
           TEI's corpora use -->
      <xsl:variable name="sources" select="$header/fileDesc/sourceDesc/(bibl | biblStruct | biblFull)[normalize-space()]"/>
      <xsl:if test="not($conversation or $header//sourceDesc/msDesc) and exists($sources)">
        <dt>Source</dt>
        <dd class="sources">
          <xsl:for-each select="$sources">
            <xsl:variable name="kind" select="map{'digitalsource': 'Digital source', 'printsource': 'Print source',
                'originalsource': 'Original source', 'firstedition': 'First edition'}(ed:type-word(@type))"/>
            <div class="source"><xsl:value-of select="$kind ! (. || ': ')"/><xsl:apply-templates select="."
                mode="ed:text"/></div>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <xsl:for-each select="($header//publicationStmt/availability/licence)[1]">
        <dt>Licence</dt>
        <dd class="licence">
          <xsl:variable name="href" select="ed:safe-href(@target)"/>
          <xsl:variable name="words" select="(normalize-space(.)[. != ''][string-length(.) lt 120],
              string(@target))[1]"/>
          <xsl:choose>
            <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="$words"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- A letter's correspondents as its correspDesc gives them (correspAction sent and received: persons,
       organisations, places, dates): "From: Vincent Mol, Arles, 2 May 1888"; and its way between them, in the
       order of the way (transmitted, redirected, forwarded: "Transmitted by: Post office Ober-Grafendorf, 28
       December 1964"). A name's own @type (sender,
       addressee) wins over its action's. A letter without correspDesc may name them by their role among the
       participants (particDesc/person role="sender", "recipient" or "addressee", as letters encoded before
       correspDesc do). -->
  <xsl:function name="ed:correspondence" as="element(ed:corresp)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="actions" select="$doc/*/teiHeader/profileDesc/correspDesc/correspAction"/>
    <xsl:variable name="names" select="$actions/(persName | orgName | name)"/>
    <xsl:variable name="roles" select="if (exists($actions)) then () else
        $doc/*/teiHeader/profileDesc/particDesc//(person | org | personGrp)[@role]"/>
    <xsl:for-each select="'sent', distinct-values($actions/@type[not(. = ('sent', 'received'))]), 'received'">
      <xsl:variable name="type" select="."/>
      <xsl:variable name="own" select="map{'sent': 'sender', 'received': 'addressee'}($type)"/>
      <xsl:variable name="who" select="$names[@type = $own] | $names[not(@type = ('sender', 'addressee'))]
          [parent::correspAction/@type = $type] | $roles[tokenize(@role) = map{'sent': 'sender', 'received':
          ('recipient', 'addressee')}($type)]/(persName | orgName | name, .)[1]"/>
      <xsl:variable name="action" select="$actions[@type = $type]"/>
      <!-- (the date of sending is the letter's date, a row of its own; a date of receipt is said here) -->
      <!-- (a name or place the TEI doubts marked so: "Heidelberg(?)"; a name left empty, its person unknown, not
           ", , Zürich") -->
      <xsl:variable name="names" select="string-join($who[normalize-space()] ! (normalize-space() || ed:doubt-after(.)),
          ', ')"/>
      <xsl:variable name="words" select="string-join(($names[. != ''], ($action/(placeName | settlement))[1] !
          (normalize-space() || ed:doubt-after(.)), $action[not(@type = 'sent')]/date[1] !
          ((if ($type = 'received') then 'received ' else '') || ed:date-in-words(ed:dated(.)))), ', ')"/>
      <xsl:if test="$words != ''">
        <ed:corresp label="{(map{'sent': 'From', 'received': 'To', 'transmitted': 'Transmitted by', 'redirected':
            'Redirected to', 'forwarded': 'Forwarded to'}($type), upper-case(substring($type, 1, 1)) ||
            substring($type, 2))[1]}" names="{$names}"><xsl:value-of select="$words"/></ed:corresp>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>
  <!-- The record a pointer leads to, where it is in the edition: "#mol-1", "mol-2.xml", "letters/mol-2.xml#p1". -->
  <xsl:function name="ed:record-of" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="id" select="replace(replace(normalize-space($target), '^#|#.*$', ''), '^.*/|\.xml$', '')
        => replace('^rec-', '')"/>
    <xsl:sequence select="$id[. != ''][map:contains($positions, .)]"/>
  </xsl:function>
  <!-- A pointer's page where it names a record of the edition ("frus1933v05#pg_103", "mol-2.xml"): the record's
       page beside the page being written, and the place in it. -->
  <xsl:function name="ed:record-href" as="xs:string?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="ed:record-page($uri) ! ('./' || .)"/>
  </xsl:function>
  <!-- The page of the record a pointer names, and the place in it ("frus1933v05.html#pg_103"; "#mol-1" names the
       record itself, its page's top). -->
  <xsl:function name="ed:record-page" as="xs:string?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="ed:record-of($uri) ! (. || '.html' || (substring-after($uri, '#')[. != '']
        [substring-before($uri, '#') != ''] ! ('#' || .)))"/>
  </xsl:function>
  <xsl:variable name="ed:description" as="document-node()?" select="$about"/>

  <!-- Whether a date's printed words doubt it or give more than one day ("[March? 1889?]", "17.10.[1797]",
       "10./11.02.1796", "ca. 1846", "um 1900", "vers 1850"): it is then shown as printed, never as a day it does not
       give. -->
  <xsl:function name="ed:doubted" as="xs:boolean">
    <xsl:param name="d" as="element()"/>
    <!-- (marks and the slash found without a regular expression, and the words' only where one of their last
         letters ends a word: Saxon tries a pattern that begins with no fixed character at every character; an ISO 8601 interval
         printed as the date, "1964-12-23T14:00:01+01:00/1964-12-23T15:00:00+01:00", is no two days written over) -->
    <xsl:variable name="s" select="ed:words($d)"/>
    <xsl:variable name="lower" select="lower-case($s)"/>
    <xsl:sequence select="contains($s, '?') or contains($s, '[') or contains($s, ']')
        or (contains($s, '/') and matches($s, '\d\.?/\d') and not(matches($s, '^\d{4}-[\dT:.+Z-]*/\d{4}-')))
        or (some $last in ('a', 'c', 'm', 's', 'v', 'n', 'o', 'k', 'о', 'к') satisfies
            (contains($lower, $last || ' ') or contains($lower, $last || '.')))
        and matches($lower, '(^|[\s(\[])(ca|c|circa|um|etwa|vers|env|environ|hacia|verso|ok|около|ок)\.?\s')
        or ($d/@precision = 'low' and $s != '') or exists($d/certainty)"/>
  </xsl:function>
  <!-- A date element as readers read it: as printed where it doubts itself, its range where it gives one, else its
       @when in words. -->
  <xsl:function name="ed:date-in-words" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="words" select="if (ed:doubted($d)) then ed:words($d)
        else if ($d/@when) then ed:in-words(substring($d/@when, 1, 10))
        else if ($d/@from and $d/@to) then ed:in-words(substring($d/@from, 1, 10) || '&#x2013;' || substring($d/@to, 1, 10))
        else (ed:in-words(ed:between($d))[. != ''], ed:words($d)[. != ''], ed:bound($d))[1]"/>
    <xsl:sequence select="$words || (if (contains($words, '?')) then '' else ed:doubt-after($d))"/>
  </xsl:function>

  <!-- The description of the source a record transcribes (msDesc: a manuscript's, an inscription's stone), as
       scholars read one: its contents, physical description, history and additional information, in the order
       the description gives them (vocabulary.xsl renders each part), where it says more than where the source is
       kept (the facts' Source); searched as the text is (a catalogue of manuscripts is its descriptions). -->
  <xsl:template name="ed:source-description">
    <xsl:for-each select="*/teiHeader/fileDesc/sourceDesc/msDesc[* except msIdentifier]">
      <section class="source-description" data-pagefind-body="">
        <h3>Description of the source</h3>
        <xsl:apply-templates select="* except msIdentifier" mode="ed:text"/>
      </section>
    </xsl:for-each>
    <!-- the witnesses of a critical edition, whose sigla its apparatus gives (apparatus.xsl) -->
    <xsl:for-each select="*/teiHeader/fileDesc/sourceDesc/listWit">
      <section class="source-description witnesses">
        <h3>Witnesses</h3>
        <xsl:apply-templates select="." mode="ed:text"/>
      </section>
    </xsl:for-each>
    <!-- the sources listed (a critical edition's earlier editions, which its apparatus and notes point to) -->
    <xsl:for-each select="*/teiHeader/fileDesc/sourceDesc/listBibl">
      <section class="source-description sources">
        <xsl:if test="not(head)"><h3>Sources</h3></xsl:if>
        <xsl:apply-templates select="." mode="ed:text"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:function name="ed:when" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="d" select="ed:date($doc)"/>
    <xsl:sequence select="if ($d and ed:doubted($d)) then ed:words($d)
        else if ($d and not($d/@when | $d/@from)) then (ed:between($d)[. != ''], ed:words($d)[. != ''] !
        (. || ed:calendar-said($d, .)), ed:bound($d))[1]
        else if ($d/@from and $d/@to and not(contains($d/@from, 'T') or contains($d/@to, 'T'))) then
        ed:days($d/@from, $d/@to)
        else string-join((
        substring(($d/@when, $d/@from)[1], 1, 10),
        if ($d/@from) then ed:hhmm($d/@from) || (if ($d/@to) then '&#x2013;' || ed:hhmm($d/@to) else '')
        else ed:hhmm($d/@when)
      )[. != ''], ', ') || (if ($d/@cert and not($d/@cert = 'high')) then ' (inferred)' else '')"/>
  </xsl:function>
  <!-- A date as readers read it: "23 February 1991, 14:35–15:05"; a month, "November 1901"; a year, or years, as
       numbers ("147", "375–377", not ISO's "0147"); ISO 8601's own forms as words ("1964-12-23T14:00:01+01:00" the
       day, 14:00; two of them over a slash, a span); other forms as given. (The day, month and year as format-date's
       '[D] [MNn] [Y]' writes them, without its cost: a page has several.) -->
  <xsl:variable name="ed:months" as="xs:string+" select="('January', 'February', 'March', 'April', 'May', 'June',
      'July', 'August', 'September', 'October', 'November', 'December')"/>
  <xsl:function name="ed:in-words" as="xs:string">
    <xsl:param name="when" as="xs:string"/>
    <xsl:sequence select="if (matches($when, '^\d{4}-\d{2}(-\d{2})?&#x2013;\d{4}-\d{2}(-\d{2})?$'))
        then string-join(tokenize($when, '&#x2013;') ! ed:in-words(.), ' &#x2013; ')
        else if (matches($when, '^\d{4}-\d{2}-\d{2}\S*/\d{4}-\d{2}-\d{2}\S*$'))
        then string-join(tokenize($when, '/') ! ed:in-words(.), ' &#x2013; ')
        else if (matches($when, '^\d{4}-\d{2}-\d{2}') and substring($when, 1, 10) castable as xs:date)
        then (let $d := xs:date(substring($when, 1, 10)) return day-from-date($d) || ' '
            || $ed:months[month-from-date($d)] || ' ' || year-from-date($d)) || (if (matches($when,
            '^.{10}T\d\d:\d\d')) then ', ' || ed:hhmm($when) || replace(substring($when, 11), '^T[\d:.]*(Z|[+-]\d\d:\d\d)?', '')
            else substring($when, 11))
        else if (matches($when, '^\d{4}-\d{2}($|[^\d])') and substring($when, 1, 7) || '-01' castable as xs:date)
        then $ed:months[xs:integer(substring($when, 6, 2))] || ' ' || xs:integer(substring($when, 1, 4))
            || substring($when, 8)
        else if (matches($when, '^\d{4}(&#x2013;\d{4})?$'))
        then string-join(distinct-values(tokenize($when, '&#x2013;') ! string(xs:integer(.))), '&#x2013;')
        else $when"/>
  </xsl:function>
  <!-- A date as a citation and the plain text give it: ISO (1991-02-23T14:35), but a year alone as readers write
       it (147 and 30&#x2013;80, not ISO's 0147 and 0030&#x2013;0080). -->
  <xsl:function name="ed:cited-date" as="xs:string">
    <xsl:param name="when" as="xs:string"/>
    <xsl:sequence select="if (matches($when, '^\d{4}(&#x2013;\d{4})?$')) then ed:in-words($when) else $when"/>
  </xsl:function>
  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <!-- The text's own title: the main one, a letter's or article's (level a), a volume's complete title, else the
         first that is no subtitle or series title; an empty one is none (a converter's <title/>). Its subtitle (in
         its language) follows it, "Title: Subtitle", as a citation gives it, unless the title already holds it: a
         sitting of a parliament's corpus is told from the next by its subtitle (ParlaMint-AT: "…, XXII.
         Gesetzgebungsperiode [ParlaMint]: 26. Sitzung …, 18. Juni 2003"). -->
    <xsl:variable name="t" select="$doc/*/teiHeader/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:variable name="main" select="($t[@type = 'main'], $t[@level = 'a'], $t[@type = 'complete'],
        $t[not(@type = ('sub', 'alt', 'short', 'series', 'subseries', 'volumenumber', 'iso-date')
        or @level = ('s', 'j'))], $t)[1]"/>
    <xsl:variable name="title" select="normalize-space(($main, $doc//text//head[normalize-space()], ed:id($doc))[1])"/>
    <xsl:variable name="sub" select="$t[@type = 'sub'][string(@xml:lang) = string($main/@xml:lang)][1] !
        normalize-space()"/>
    <xsl:sequence select="$title || $sub[exists($main)][not(contains(lower-case($title), lower-case(.)))] !
        ((if (matches($title, '[.:;!?]$')) then ' ' else ': ') || .)"/>
  </xsl:function>
  <xsl:function name="ed:kind" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/*/text/@subtype, '')[1]"/>
  </xsl:function>
  <xsl:function name="ed:name" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="p" select="$register ! key('person', $id, .)"/>
    <xsl:sequence select="normalize-space(($p/persName[not(@type)], $p/persName, $p/orgName, $id)[1])"/>
  </xsl:function>
  <!-- The persons a record is with: its participants and speakers but the one who is in every record. -->
  <xsl:function name="ed:interlocutors" as="xs:string*">
    <xsl:param name="record" as="element(ed:record)"/>
    <xsl:sequence select="$record/ed:person/@id[not(. = $everywhere)] ! ed:name(.)"/>
  </xsl:function>
  <!-- Whom a record is with, as a line of a table names them: up to four by name; a debate's many speakers as
       the first three and how many more. -->
  <xsl:function name="ed:with" as="xs:string">
    <xsl:param name="record" as="element(ed:record)"/>
    <xsl:variable name="names" select="ed:interlocutors($record)"/>
    <xsl:sequence select="if (count($names) le 4) then string-join($names, ', ')
        else string-join($names[position() le 3], ', ') || ' and ' || count($names) - 3 || ' others'"/>
  </xsl:function>
  <xsl:function name="ed:translators" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="distinct-values($doc//titleStmt/respStmt[resp/@ref = 'http://id.loc.gov/vocabulary/relators/trl']
        /(persName | name | orgName) ! normalize-space())"/>
  </xsl:function>

  <!-- Where the record is kept: "Archive of the Gorbachev Foundation, Fond 1, opis 1", "Amsterdam, Zenda Museum,
       Mol family papers, b695", or what the header says; "not named" only where nothing names it. -->
  <xsl:function name="ed:archive" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="header" select="$doc/*/teiHeader"/>
    <xsl:sequence select="(string-join($header//sourceDesc/msDesc/msIdentifier/string-join((settlement,
        institution, repository, collection, idno[@type = 'fond'] ! ('Fond ' || .), idno[@type = 'opis'] !
        ('opis ' || .), idno[@type = 'delo'] ! ('delo ' || .), idno[not(@type = ('fond', 'opis', 'delo'))]
        ! ed:identifier(.), altIdentifier/idno ! ed:identifier(.)) ! normalize-space()[. != ''], ', '), '; ')[. != ''],
        $header//notesStmt/note[@type = 'archive'] ! normalize-space(),
        ($header//sourceDesc//(repository | institution))[1] ! normalize-space(), 'archive not named')[1]"/>
  </xsl:function>

  <!-- A number of the source as its statement reads it, by its @type: an inventory number "inv. 538", an old or
       former one (or one in an altIdentifier of @type former) "formerly 12"; one whose words say what it is
       already ("inv. 123"), or of another type, as it is. -->
  <xsl:function name="ed:identifier" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="v" select="normalize-space($idno)"/>
    <xsl:variable name="type" select="lower-case(normalize-space($idno/@type))"/>
    <xsl:sequence select="if ($v = '') then ''
        else if ($type = ('inventory', 'inv', 'invno') and not(matches($v, '^inv', 'i'))) then 'inv. ' || $v
        else if (($type, lower-case($idno/parent::altIdentifier/@type)) = ('old', 'former', 'previous', 'olim')
            and not(matches($v, '^(formerly|olim|former)', 'i'))) then 'formerly ' || $v
        else $v"/>
  </xsl:function>

</xsl:stylesheet>
