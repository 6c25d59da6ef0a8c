<?xml version="1.0" encoding="UTF-8"?>
<!--
  The rest of the TEI vocabulary, each element rendered as the Guidelines mean it, by family (the maps below are the
  one place that says which element is which): the parts of a description (a manuscript's, an object's, a
  header's) as blocks or fields with their labels; a dictionary's entries, senses and forms; the structured
  bibliography; feature structures, trees and graphs, linking and analysis, as blocks or marks; empty markers
  (a caesura, a span's start, a certainty) as a sign and a title saying what they mark; MathML as MathML and SVG
  as SVG (only their drawing elements and attributes: a script, a style sheet or embedded HTML is left out, as no
  part of the edition's text; no link out of the page); RELAX NG and Schematron
  in an ODD as markup. Imported by html.xsl and print.xsl before tei.xsl: a rendering of its own there (of a
  listBibl, an event, a title) wins.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Blocks, with the label a reader of that kind of description expects ('' none). -->
  <xsl:variable name="ed:block-labels" as="map(xs:string, xs:string)" select="map{
      'msDesc': '', 'msPart': 'Part', 'msFrag': 'Fragment', 'msContents': 'Contents', 'msItem': '',
      'msItemStruct': '', 'physDesc': 'Physical description', 'objectDesc': '', 'supportDesc': 'Support',
      'layoutDesc': 'Layout', 'handDesc': 'Hands', 'scriptDesc': 'Script', 'typeDesc': 'Type',
      'decoDesc': 'Decoration', 'musicNotation': 'Music notation', 'additions': 'Additions',
      'bindingDesc': 'Binding', 'sealDesc': 'Seals', 'accMat': 'Accompanying material', 'history': 'History',
      'origin': 'Origin', 'provenance': 'Provenance', 'acquisition': 'Acquisition',
      'additional': 'Additional information', 'adminInfo': 'Administrative information',
      'recordHist': 'Record history', 'custodialHist': 'Custodial history', 'custEvent': '',
      'surrogates': 'Surrogates', 'listBibl': '', 'msIdentifier': '', 'objectIdentifier': '', 'object': '',
      'listObject': '', 'availability': 'Availability', 'licence': 'Licence', 'teiHeader': '', 'fileDesc': '',
      'titleStmt': '', 'editionStmt': 'Edition', 'publicationStmt': 'Publication', 'seriesStmt': 'Series',
      'notesStmt': 'Notes', 'sourceDesc': 'Source', 'encodingDesc': 'Encoding', 'profileDesc': 'Profile',
      'revisionDesc': 'Revisions', 'listChange': '', 'change': '', 'projectDesc': 'Project',
      'samplingDecl': 'Sampling', 'editorialDecl': 'Editorial principles', 'correction': 'Correction',
      'normalization': 'Normalization', 'quotation': 'Quotation', 'hyphenation': 'Hyphenation',
      'segmentation': 'Segmentation', 'stdVals': 'Standard values', 'interpretation': 'Interpretation',
      'punctuation': 'Punctuation', 'tagsDecl': 'Tags', 'namespace': '', 'tagUsage': '', 'rendition': '',
      'refsDecl': 'References', 'cRefPattern': '', 'refState': '', 'classDecl': 'Classification', 'taxonomy': '',
      'category': '', 'catDesc': '', 'geoDecl': 'Geographic coordinates', 'unitDecl': 'Units', 'unitDef': '',
      'metDecl': 'Metrical notation', 'metSym': '', 'variantEncoding': 'Variant encoding', 'schemaRef': '',
      'langUsage': 'Languages', 'textClass': 'Classification', 'keywords': '', 'classCode': '', 'catRef': '',
      'particDesc': 'Participants', 'settingDesc': 'Setting', 'setting': '', 'creation': 'Creation',
      'textDesc': 'Text description', 'correspDesc': 'Correspondence', 'correspAction': '', 'correspContext': '',
      'handNotes': 'Hands', 'listPrefixDef': 'Prefixes', 'prefixDef': '', 'appInfo': 'Applications',
      'application': '', 'charDecl': 'Characters', 'char': '', 'glyph': '', 'recordingStmt': 'Recordings',
      'recording': '', 'scriptStmt': 'Script', 'calendarDesc': 'Calendars', 'calendar': '', 'xenoData': '',
      'conversion': '', 'styleDefDecl': '', 'transcriptionDesc': 'Transcription', 'listTranspose': '', 'entry': '',
      'entryFree': '', 'superEntry': '', 're': '', 'hom': '', 'sense': '', 'dictScrap': '', 'biblFull': '',
      'biblStruct': '', 'listRelation': 'Relations', 'listNym': '', 'nym': '', 'listAnnotation': '',
      'annotationBlock': '', 'annotation': '', 'standOff': '', 'listEvent': '', 'facsimile': 'Facsimile',
      'surface': '', 'surfaceGrp': '', 'zone': '', 'sourceDoc': '', 'line': '', 'timeline': 'Timeline',
      'fLib': 'Feature library', 'fvLib': 'Feature-value library', 'fsdDecl': 'Feature system', 'fsDecl': '',
      'fDecl': '', 'fsConstraints': '', 'forest': '', 'listForest': '', 'tree': '', 'eTree': '', 'graph': '',
      'linkGrp': '', 'joinGrp': '', 'spanGrp': '', 'interpGrp': '', 'noteGrp': '', 'altGrp': '', 'spGrp': '',
      'div1': '', 'div2': '', 'div3': '', 'div4': '', 'div5': '', 'div6': '', 'div7': '', 'floatingText': '',
      'group': '', 'performance': 'Performance', 'prologue': 'Prologue', 'epilogue': 'Epilogue', 'imprimatur': '',
      'docEdition': '', 'attList': 'Attributes', 'attDef': '', 'valList': '', 'valItem': '',
      'content': 'Content model', 'constraintSpec': 'Constraint', 'constraint': '', 'paramList': '', 'paramSpec': '',
      'exemplum': 'Example', 'model': '', 'modelGrp': '', 'modelSequence': '', 'outputRendition': '',
      'classes': 'Classes', 'datatype': 'Datatype', 'remarks': 'Note', 'equiv': '', 'listRef': '', 'media': '',
      'broadcast': '', 'equipment': '', 'seal': '', 'binding': '', 'handNote': '', 'typeNote': '', 'scriptNote': '',
      'decoNote': '', 'layout': '', 'summary': 'Summary', 'collation': 'Collation', 'foliation': 'Foliation',
      'condition': 'Condition', 'measureGrp': '', 'notatedMusic': '', 'support': '', 'event': '', 'stanza': '', 'poem': ''}"/>

  <!-- Fields: a phrase with its label before it ('' none): "Incipit: In principio", "Shelfmark: MS 123". -->
  <xsl:variable name="ed:field-labels" as="map(xs:string, xs:string)" select="map{
      'incipit': 'Incipit', 'explicit': 'Explicit', 'rubric': 'Rubric', 'finalRubric': 'Final rubric',
      'colophon': 'Colophon', 'origDate': 'Date', 'origPlace': 'Place', 'msName': 'Name', 'repository': '',
      'collection': '', 'institution': '', 'altIdentifier': '', 'material': 'Material', 'dimensions': 'Dimensions',
      'watermark': 'Watermark', 'catchwords': 'Catchwords', 'signatures': 'Signatures', 'secFol': 'Second folio',
      'heraldry': 'Heraldry', 'stamp': 'Stamp', 'textLang': 'Language', 'filiation': 'Filiation',
      'objectType': 'Object', 'locus': '', 'locusGrp': '', 'source': 'Source', 'purpose': 'Purpose',
      'channel': 'Channel', 'constitution': 'Constitution', 'derivation': 'Derivation', 'domain': 'Domain',
      'factuality': 'Factuality', 'interaction': 'Interaction', 'preparedness': 'Preparedness', 'edition': '',
      'extent': 'Extent', 'series': '', 'authority': '', 'distributor': '', 'sponsor': 'Sponsor', 'funder': 'Funder',
      'principal': 'Principal', 'imprint': '', 'biblScope': '', 'relatedItem': '', 'analytic': '', 'monogr': '',
      'citedRange': '', 'camera': 'Camera', 'sound': 'Sound', 'caption': 'Caption', 'mod': '', 'offset': '', 'post': '', 'resp': '', 'respStmt': '', 'unicodeProp': '', 'tech': '', 'view': '',
      'move': '', 'actor': '', 'castItem': '', 'age': 'Age', 'education': 'Education', 'faith': 'Faith',
      'langKnowledge': 'Languages', 'langKnown': '', 'nationality': 'Nationality', 'residence': 'Residence',
      'socecStatus': 'Social status', 'floruit': 'Flourished', 'gender': 'Gender', 'persPronouns': 'Pronouns',
      'state': '', 'trait': '', 'population': 'Population', 'climate': 'Climate', 'terrain': 'Terrain',
      'geogFeat': '', 'persona': '', 'personGrp': '', 'meeting': '', 'activity': 'Activity', 'locale': 'Locale',
      'lang': '', 'def': '', 'usg': '', 'lbl': '', 'xr': '', 'etym': '', 'form': '', 'gramGrp': '', 'orth': '',
      'pron': '', 'hyph': '', 'syll': '', 'stress': '', 'pos': '', 'subc': '', 'colloc': '', 'gen': '', 'number': '',
      'case': '', 'per': '', 'tns': '', 'mood': '', 'iType': '', 'gram': '', 'oRef': '', 'pRef': '', 'oVar': '',
      'pVar': '', 'street': '', 'postCode': '', 'postBox': '', 'email': '', 'anthology': '', 'rb': '', 'rt': '',
      'ruby': '', 'cl': '', 'phr': '', 's': '', 'm': '', 'interp': '', 'span': '', 'unit': '', 'dim': '',
      'height': '', 'width': '', 'depth': '', 'heading': '', 'headLabel': '', 'headItem': '', 'ellipsis': '',
      'metamark': '', 'damage': '', 'secl': '', 'retrace': '', 'restore': '', 'iNode': '', 'eLeaf': '', 'leaf': '',
      'root': '', 'triangle': '', 'node': '', 'arc': '', 'fDescr': '', 'fsDescr': '', 'vLabel': '', 'vAlt': '',
      'vColl': '', 'vMerge': '', 'vNot': '', 'vRange': '', 'vDefault': '', 'valDesc': '', 'defaultVal': '',
      'altIdent': '', 'symbol': '', 'string': '', 'numeric': '', 'binary': '', 'default': '', 'f': '', 'fs': '',
      'if': '', 'then': '', 'cond': '', 'bicond': '', 'iff': '', 'wit': '', 'witDetail': '', 'textNode': '',
      'memberOf': '', 'mapping': '', 'localProp': '', 'unihanProp': '', 'rhyme': '', 'alternate': '', 'sequence': '',
      'anyElement': '', 'empty': '', 'param': '', 'dataFacet': '', 'citeStructure': '', 'citeData': '',
      'poemRef': '', 'transpose': '', 'formula': '', 'binaryObject': '', 'path': ''}"/>

  <!-- Markers: empty elements, shown as a sign ('' none) with what they mark in their title. -->
  <xsl:variable name="ed:markers" as="map(xs:string, xs:string)" select="map{
      'caesura': '&#x2016;', 'gb': '', 'addSpan': '&#x2E02;', 'delSpan': '&#x27E6;', 'damageSpan': '',
      'lacunaStart': '&#x2039;', 'lacunaEnd': '&#x203A;', 'witStart': '', 'witEnd': '', 'link': '', 'join': '',
      'alt': '', 'certainty': '', 'precision': '', 'respons': '', 'index': '', 'divGen': '', 'redo': '', 'undo': '',
      'substJoin': '', 'fsdLink': '', 'attRef': '', 'specGrpRef': '', 'include': '', 'relation': '', 'when': ''}"/>

  <!-- An element of the vocabulary: a block, a field, or a marker. -->
  <xsl:template match="*[namespace-uri() = 'http://www.tei-c.org/ns/1.0'][map:contains($ed:block-labels,
      local-name())]" mode="ed:text" priority="-0.4">
    <xsl:variable name="label" select="$ed:block-labels(local-name())"/>
    <div class="{local-name()}{@type ! (' ' || .)}"><xsl:call-template name="ed:attrs"/>
      <xsl:choose>
        <!-- (a label over nothing, an empty timeline's, is none) -->
        <xsl:when test="$label != '' and not(ed:blank(.))"><p class="label"><xsl:value-of select="string-join(($label,
            @n), ' ')"/></p>
        </xsl:when>
        <!-- (a sense's or an item's number leads its words) -->
        <xsl:when test="@n"><span class="n"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:when>
      </xsl:choose>
      <xsl:apply-templates mode="ed:text"/>
    </div>
  </xsl:template>

  <xsl:template match="*[namespace-uri() = 'http://www.tei-c.org/ns/1.0'][map:contains($ed:field-labels,
      local-name())]" mode="ed:text" priority="-0.45">
    <xsl:variable name="label" select="$ed:field-labels(local-name())"/>
    <xsl:if test="preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
    <span class="{local-name()}{@type ! (' ' || .)}"><xsl:call-template name="ed:attrs"/>
      <xsl:if test="$label != ''"><span class="label"><xsl:value-of select="$label"/>: </span></xsl:if>
      <xsl:apply-templates mode="ed:text"/>
    </span>
    <!-- (two fields side by side in the markup, <height>10</height><width>5</width>, are two words) -->
    <xsl:if test="following-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- A place in a manuscript given only by its bounds (locus from="5va" to="5vb"): the leaves it spans. -->
  <xsl:template match="locus[not(normalize-space())][@from | @to]" mode="ed:text" priority="1">
    <xsl:if test="preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
    <span class="locus"><xsl:call-template name="ed:attrs"/><xsl:value-of select="string-join(distinct-values((@from,
        @to) ! normalize-space()), '&#x2013;')"/></span>
  </xsl:template>

  <!-- A binary object (figures module): its data, base64 unless @encoding says otherwise, is no text to read. An
       image in a format every browser and the PDF show is the image; any other is named by its type, its data a
       download (as octet-stream: a browser never opens it as a page). -->
  <xsl:template match="binaryObject" mode="ed:text">
    <xsl:variable name="mime" select="lower-case(normalize-space(@mimeType))"/>
    <xsl:variable name="data" select="replace(., '\s+', '')"/>
    <xsl:variable name="base64" select="(@encoding, 'base64')[1] = ('base64', 'Base64') and
        matches($data, '^[A-Za-z0-9+/]+=*$')"/>
    <xsl:choose>
      <xsl:when test="$base64 and $mime = ('image/png', 'image/jpeg', 'image/gif', 'image/webp')">
        <img class="graphic" src="data:{$mime};base64,{$data}" alt="{normalize-space((../figDesc, desc)[1])}"/>
      </xsl:when>
      <xsl:when test="$base64">
        <a class="graphic" href="data:application/octet-stream;base64,{$data}" download="">[binary object<xsl:value-of
            select="$mime[.] ! (', ' || .)"/>]</a>
      </xsl:when>
      <xsl:otherwise>
        <span class="graphic">[binary object<xsl:value-of select="($mime[.], @encoding) ! (', ' || .)"/>]</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Measurements: height × width × depth, in the unit given (on the dimensions or on each). -->
  <xsl:template match="dimensions[* and not(text()[normalize-space()])]" mode="ed:text" priority="1">
    <span class="dimensions"><xsl:call-template name="ed:attrs"/><span class="label">Dimensions: </span>
      <xsl:for-each select="*">
        <xsl:if test="position() gt 1"> &#xD7; </xsl:if>
        <span class="{local-name()}" title="{local-name()}"><xsl:apply-templates mode="ed:text"/><xsl:value-of
            select="(@unit, @extent)[1] ! (' ' || .)"/></span>
      </xsl:for-each>
      <xsl:value-of select="@unit ! (' ' || .)"/>
    </span>
  </xsl:template>

  <!-- A marker: its sign, and what it marks (its name and attributes) in its title; its content, where it has
       any (an index entry's term, a certainty's description), follows it. -->
  <xsl:template match="*[namespace-uri() = 'http://www.tei-c.org/ns/1.0'][map:contains($ed:markers,
      local-name())]" mode="ed:text" priority="-0.35">
    <span class="marker {local-name()}" title="{string-join((local-name(), @* ! (local-name() || '=' || .)),
        ' ')}"><xsl:call-template name="ed:attrs"/><xsl:value-of select="$ed:markers(local-name())"/>
      <xsl:if test="node()"><span class="marked"><xsl:text> </xsl:text><xsl:apply-templates mode="ed:text"/></span></xsl:if></span>
  </xsl:template>

  <!-- A structured reference as a bibliography prints one: the article's authors and title in quotation marks, then
       the book's or journal's editors, title in italics, edition, imprint (place, publisher, date) and the pages or
       volume it is cited by; a series after it. -->
  <xsl:template match="biblStruct" mode="ed:text" priority="2">
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="analytic">
        <xsl:sequence select="string-join((author | editor) ! normalize-space(), ', ')[. != '']"/>
        <xsl:sequence select="title ! ('&#x201C;' || normalize-space() || '&#x201D;')"/>
      </xsl:for-each>
    </xsl:variable>
    <span class="biblStruct"><xsl:call-template name="ed:attrs"/>
      <xsl:value-of select="string-join($parts, ', ')"/>
      <xsl:for-each select="analytic/(* except (author | editor | title))">
        <xsl:text>, </xsl:text><xsl:apply-templates select="." mode="ed:text"/>
      </xsl:for-each>
      <xsl:for-each select="monogr">
        <xsl:if test="exists($parts) or position() gt 1">, <xsl:if test="../analytic">in </xsl:if></xsl:if>
        <xsl:value-of select="string-join((author, editor ! (normalize-space() || ' (ed.)')) ! normalize-space(),
            ', ') ! (. || (if (. != '') then ', ' else ''))"/>
        <i><xsl:value-of select="string-join(title ! normalize-space(), ': ')"/></i>
        <xsl:for-each select="edition"><xsl:text>, </xsl:text><xsl:value-of select="normalize-space()"/></xsl:for-each>
        <xsl:variable name="imprint" select="string-join((imprint/pubPlace, imprint/publisher) ! normalize-space(),
            ': ')"/>
        <xsl:value-of select="' (' || string-join(($imprint[. != ''], imprint/date ! normalize-space()), ', ') || ')'"/>
        <xsl:value-of select="(imprint/biblScope, biblScope) ! (', ' || normalize-space())"/>
        <!-- (whatever else it says, after: a meeting, a responsibility, an identifier) -->
        <xsl:for-each select="(* except (author | editor | title | edition | imprint | biblScope)),
            imprint/(* except (pubPlace | publisher | date | biblScope))">
          <xsl:text>, </xsl:text><xsl:apply-templates select="." mode="ed:text"/>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="series">
        <xsl:text> (</xsl:text><xsl:value-of select="string-join(* ! normalize-space(), ', ')"/><xsl:text>)</xsl:text>
      </xsl:for-each>
      <xsl:for-each select="idno | ptr | ref | note | relatedItem">
        <xsl:text> </xsl:text><xsl:apply-templates select="." mode="ed:text"/>
      </xsl:for-each>
      <xsl:text>.</xsl:text>
    </span>
  </xsl:template>

  <!-- MathML, as MathML (browsers and WeasyPrint's text read it); only its own elements and the attributes of
       presentation. -->
  <xsl:template match="*[namespace-uri() = 'http://www.w3.org/1998/Math/MathML']" mode="ed:text">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[local-name() = ('display', 'mathvariant', 'open', 'close', 'separators', 'fence',
          'stretchy', 'form', 'linethickness', 'columnalign', 'rowalign', 'notation', 'accent', 'accentunder')]"/>
      <xsl:apply-templates mode="ed:text"/>
    </xsl:element>
  </xsl:template>

  <!-- SVG, as SVG: its drawing elements and their geometry and presentation; nothing that runs or links out of
       the page (no script, no foreignObject, no href but to the drawing's own parts). -->
  <xsl:variable name="ed:svg-elements" as="xs:string*" select="('svg', 'g', 'path', 'rect', 'circle', 'ellipse',
      'line', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc', 'defs', 'use', 'symbol', 'marker',
      'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern')"/>
  <xsl:template match="*[namespace-uri() = 'http://www.w3.org/2000/svg']" mode="ed:text">
    <xsl:choose>
      <xsl:when test="local-name() = $ed:svg-elements">
        <xsl:element name="{local-name()}" namespace="http://www.w3.org/2000/svg">
          <xsl:copy-of select="@*[namespace-uri() = ''][not(starts-with(lower-case(local-name()), 'on'))]
              [not(local-name() = ('href', 'style'))], @*[local-name() = 'href'][starts-with(., '#')]"/>
          <xsl:apply-templates mode="ed:text"/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="local-name() = ('script', 'style', 'foreignObject', 'iframe', 'handler', 'listener')"/>
      <xsl:otherwise><xsl:apply-templates mode="ed:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The schema languages an ODD embeds (RELAX NG, Schematron): markup, shown as an example is. -->
  <xsl:template match="*[namespace-uri() = ('http://relaxng.org/ns/structure/1.0',
      'http://purl.oclc.org/dsdl/schematron')][not(parent::*[namespace-uri() = ('http://relaxng.org/ns/structure/1.0',
      'http://purl.oclc.org/dsdl/schematron')])]" mode="ed:text">
    <pre class="egXML schema"><code><xsl:apply-templates select="." mode="ed:markup"/></code></pre>
  </xsl:template>
</xsl:stylesheet>
