<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition: TEI records, the personography and the edition's description to a static HTML5 site.
  Called once per build with the initial template; Python passes the files as parameters and copies the CSS.
  Pages: index.html (introduction, chronology, timeline), records/ID.html (one per record), persons.html (the
  register), principles.html (editorial principles), colophon.html (credits, source, licence); in a large edition,
  the table of records by year and month (records-YYYY.html, records-YYYY-MM.html) and the register by initial and
  by person (persons/letter-X.html, persons/ID.html), so that no page is over about a megabyte.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:err="http://www.w3.org/2005/xqt-errors"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="vocabulary.xsl"/>
  <xsl:import href="tei.xsl"/>
  <xsl:import href="spoken.xsl"/>
  <xsl:import href="conventions.xsl"/>
  <xsl:import href="leiden.xsl"/>
  <xsl:import href="apparatus.xsl"/>
  <xsl:import href="records.xsl"/>
  <xsl:import href="cite.xsl"/>
  <xsl:import href="data.xsl"/>
  <xsl:import href="commentary.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Whether the build also writes the print edition (edition.pdf), to link it from the landing page. -->
  <xsl:param name="print" as="xs:boolean" select="false()"/>
  <!-- The edition's theme (publish/theme.py): its CSS, linked after the toolkit's (theme.css), and its logo. -->
  <xsl:param name="theme-css" as="xs:boolean" select="false()"/>
  <xsl:param name="logo" as="xs:string?"/>
  <!-- Whether the build writes a PDF of each record (print/ID.pdf), which its page links. -->
  <xsl:param name="record-pdfs" as="xs:boolean" select="false()"/>
  <!-- Whether the build writes the edition's DTS API (publish/dts.py), which the data page offers. -->
  <xsl:param name="dts" as="xs:boolean" select="false()"/>
  <!-- The search bundles beyond the first (pagefind/), which the search page merges: a large edition has several. -->
  <xsl:param name="search-bundles" as="xs:string*"/>

  <!-- Every page: the same head, landmarks and footer. -->
  <xsl:template name="ed:page">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="page-title" as="xs:string"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*"/>
    <!-- (a record's page, long: written straight into the page by the templates of mode ed:content for this node,
         with the caller's tunnel parameters, rather than built as $content and then copied) -->
    <xsl:param name="content-of" as="node()?" select="()"/>
    <xsl:param name="head" as="node()*"/>
    <xsl:result-document href="{$href}">
      <html lang="{$ed:site-language}">
        <head>
          <meta charset="utf-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title><xsl:value-of select="$page-title"/></title>
          <link rel="stylesheet" href="{$root}edition.css"/>
          <xsl:if test="$theme-css"><link rel="stylesheet" href="{$root}theme.css"/></xsl:if>
          <link rel="icon" href="{$root}favicon.svg" type="image/svg+xml"/>
          <meta name="color-scheme" content="light dark"/>
          <xsl:sequence select="$head"/>
        </head>
        <body>
          <a class="skip" href="#main">Skip to the text</a>
          <header class="site">
            <p class="site-title"><a href="{$root}index.html"><xsl:if test="$logo"><img class="logo"
                src="{$root}{$logo}" alt=""/></xsl:if><xsl:value-of select="$title"/></a></p>
            <nav aria-label="Edition">
              <ul>
                <li><a href="{$root}index.html">Records</a></li>
                <li><a href="{$root}persons.html">Persons</a></li>
                <li><a href="{$root}principles.html">Editorial principles</a></li>
                <li><a href="{$root}colophon.html">Colophon</a></li>
                <li><a href="{$root}data.html">Download</a></li>
                <li><a href="{$root}search.html">Search</a></li>
              </ul>
            </nav>
          </header>
          <main id="main">
            <xsl:sequence select="$content"/>
            <xsl:apply-templates select="$content-of" mode="ed:content"/>
          </main>
          <footer class="site">
            <p><xsl:value-of select="$title"/>. <xsl:for-each select="$ed:version-line"><span class="version"><xsl:value-of
                select="."/></span>. </xsl:for-each><a href="{$root}colophon.html">Credits and licence</a>.</p>
          </footer>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- What this run writes. "all": every page the build needs, and the digests. A large edition is built in
       parts, so that no run holds too many records at once and several processes can share the work: "digests"
       (only the digests, in order, into $digests-href: of the records given, or of the parts' digests given as
       cached-digests), "aggregates" (the pages made from all records), "pages" (the record pages named in $pages,
       from a slice of the digests, $ordered). A rebuild after a change runs "changes" (the digests, and the record
       pages that depend on the change), then "aggregates". -->
  <xsl:param name="part" as="xs:string" select="'all'"/>
  <xsl:param name="pages" as="xs:string*"/>
  <xsl:param name="digests-href" as="xs:string" required="yes"/>

  <xsl:template name="xsl:initial-template">
    <xsl:if test="$part = ('all', 'digests', 'changes')">
      <xsl:call-template name="ed:check-ids"/>
    </xsl:if>
    <xsl:if test="$part = ('all', 'aggregates')">
      <xsl:call-template name="ed:index"/>
    </xsl:if>
    <xsl:variable name="wanted" as="map(xs:string, xs:boolean)" select="map:merge(
        (if ($part = 'pages') then $pages else if ($part = ('all', 'changes')) then $write else ()) ! map{.: true()})"/>
    <xsl:for-each select="$digests[map:contains($wanted, string(@id))]">
      <xsl:variable name="k" select="ed:position(.)"/>
      <xsl:variable name="uri" select="string(@uri)"/>
      <xsl:try>
        <xsl:source-document href="{@uri}" streamable="no">
          <xsl:for-each select="ed:as-record(.)">
            <xsl:call-template name="ed:record">
              <xsl:with-param name="prev" select="$digests[$k - 1]"/>
              <xsl:with-param name="next" select="$digests[$k + 1]"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:source-document>
        <xsl:catch><xsl:sequence select="ed:failed-in($uri, $err:code, $err:description)"/></xsl:catch>
      </xsl:try>
    </xsl:for-each>
    <xsl:if test="$part = ('all', 'aggregates')">
      <xsl:call-template name="ed:aggregates"/>
    </xsl:if>
    <xsl:if test="$part = ('all', 'digests', 'changes')">
      <xsl:result-document href="{$digests-href}" method="xml" indent="no">
        <ed:records everywhere="{$everywhere}">
          <!-- where each entry of a register published as pages is, from all records' turns and mentions: a run
               given a slice of the records (a build in parts, a rebuild after a change) links to the same pages -->
          <xsl:if test="$part = ('all', 'changes') or exists($cached-digests)">
            <xsl:sequence select="$ed:register-layout"/>
          </xsl:if>
          <xsl:call-template name="ed:stored">
            <xsl:with-param name="records" select="$digests"/>
          </xsl:call-template>
        </ed:records>
      </xsl:result-document>
    </xsl:if>
    <built records="{count($digests)}">
      <xsl:for-each select="if ($part = ('all', 'changes')) then $write else ()"><written id="{.}"/></xsl:for-each>
      <xsl:for-each-group select="$digests/ed:unknown" group-by="@name">
        <xsl:sort select="current-grouping-key()"/>
        <unknown name="{current-grouping-key()}" count="{sum(current-group()/@count)}"
            files="{count(current-group())}"/>
      </xsl:for-each-group>
    </built>
  </xsl:template>

  <xsl:template name="ed:aggregates">
    <xsl:call-template name="ed:table-pages"/>
    <xsl:call-template name="ed:register"/>
    <xsl:call-template name="ed:principles"/>
    <xsl:call-template name="ed:colophon"/>
    <xsl:call-template name="ed:search"/>
    <xsl:call-template name="ed:data"/>
  </xsl:template>

  <!-- Which record pages to write: all of them; or, rebuilding after a change, the records that changed and those
       whose previous or next record is no longer the same (the navigation at the foot of their pages). -->
  <xsl:function name="ed:neighbours" as="xs:string">
    <xsl:param name="list" as="element(ed:record)*"/>
    <xsl:param name="k" as="xs:integer"/>
    <xsl:sequence select="string-join(($list[$k - 1], $list[$k + 1]) ! (@id || '|' || @title), '||')"/>
  </xsl:function>
  <xsl:variable name="write" as="xs:string*" select="if (empty($cached-digests)) then $digests/@id ! string() else
      let $old := map:merge($cached ! map{string(@id): ed:neighbours($cached, position())})
      return $digests[@uri = $changed or not(map:contains($old, string(@id)))
                      or $old(string(@id)) != ed:neighbours($digests, position())]/@id ! string()"/>

  <!-- The landing page: title, introduction, the day as a chronology and a timeline. -->
  <xsl:template name="ed:index">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'index.html'"/>
      <xsl:with-param name="page-title" select="$title"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$title"/></h1>
        <xsl:for-each select="$about//titleStmt/title[@type = 'sub']">
          <p class="subtitle"><xsl:value-of select="normalize-space(.)"/></p>
        </xsl:for-each>
        <xsl:for-each select="$about//body/div[@type = 'introduction']">
          <section class="introduction" aria-labelledby="introduction">
            <h2 id="introduction"><xsl:value-of select="(head, 'Introduction')[1]"/></h2>
            <xsl:apply-templates select="* except head" mode="ed:text"/>
          </section>
        </xsl:for-each>
        <xsl:if test="$print">
          <p class="print-edition"><a href="edition.pdf">The print edition (PDF)</a></p>
        </xsl:if>
        <section aria-labelledby="chronology">
          <h2 id="chronology">The records</h2>
          <xsl:call-template name="ed:timeline"/>
          <xsl:choose>
            <xsl:when test="empty($ed:table-pages)">
              <xsl:call-template name="ed:chronology">
                <xsl:with-param name="records" select="$digests"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <!-- a table too large for one page: its pages, by year (and by month in a year of more) -->
              <p class="table-pages">The <xsl:value-of select="ed:records(count($digests))"/> in time order, on pages
                by year<xsl:if test="some $p in $ed:table-pages satisfies exists($p?month)"
                > and, in the years of more than <xsl:value-of select="format-integer($table-rows, '#,##0')"
                /> records, by month</xsl:if>:</p>
              <ul class="table-pages">
                <xsl:for-each-group select="$ed:table-pages" group-adjacent="?year">
                  <li><xsl:choose>
                    <xsl:when test="exists(current-group()[1]?month)">
                      <xsl:value-of select="current-grouping-key()"/>: <xsl:for-each select="current-group()"><a
                          href="{?href}"><xsl:value-of select="?label"/></a> (<xsl:value-of
                          select="count(?records)"/>)<xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
                    </xsl:when>
                    <xsl:otherwise><a href="{?href}"><xsl:value-of select="?label"/></a> (<xsl:value-of
                        select="ed:records(count(?records))"/>)</xsl:otherwise>
                  </xsl:choose></li>
                </xsl:for-each-group>
              </ul>
            </xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The table of records, in time order: the columns the records of the whole edition have, so that its pages
       agree. -->
  <xsl:template name="ed:chronology">
    <xsl:param name="records" as="element(ed:record)*"/>
    <!-- The columns the records have: a kind where any has one; who wrote to whom where they are letters;
         translators where any is a translation or a record of a conversation (which is one unless it says
         otherwise: "not named" only there). -->
    <xsl:variable name="kinds" select="exists($digests[@kind != ''])"/>
    <xsl:variable name="translated" select="exists($digests[ed:rights/@conversation = 'true' or ed:translator])"/>
    <xsl:variable name="letters" select="exists($digests/ed:corresp)"/>
    <table class="chronology">
      <caption>The records in time order</caption>
      <xsl:variable name="date-label" select="if ($digests[@begin] or $translated) then 'Date and time'
          else 'Date'"/>
      <thead><tr><th scope="col"><xsl:value-of select="$date-label"/></th><th scope="col">Record</th>
        <xsl:if test="$kinds"><th scope="col">Kind</th></xsl:if>
        <th scope="col"><xsl:value-of select="if ($letters) then 'From &#x2192; to' else 'With'"/></th>
        <xsl:if test="$translated"><th scope="col">Translated by</th></xsl:if></tr></thead>
      <tbody>
        <xsl:for-each select="$records">
          <tr>
            <!-- (data-label: each cell's column, which a phone's layout shows beside it: edition.css) -->
            <td data-label="{$date-label}"><xsl:value-of select="ed:in-words(@when)"/></td>
            <td data-label="Record"><a href="records/{@id}.html"><xsl:value-of select="@title"/></a></td>
            <xsl:if test="$kinds"><td data-label="Kind"><xsl:value-of select="@kind"/></td></xsl:if>
            <xsl:choose>
              <xsl:when test="ed:corresp">
                <td data-label="From &#x2192; to"><xsl:value-of select="string-join((ed:corresp[@label =
                    'From']/@names, ed:corresp[@label = 'To']/@names), ' &#x2192; ')"/></td>
              </xsl:when>
              <xsl:otherwise>
                <td data-label="With"><xsl:value-of select="ed:with(.)"/></td>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$translated">
              <td data-label="Translated by"><xsl:value-of select="(string-join(ed:translator, ', ')[. != ''],
                  'not named'[current()/ed:rights/@conversation = 'true'])[1]"/></td>
            </xsl:if>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- The table of records is on the landing page while it has at most $table-rows rows (about a megabyte); a
       larger one is on pages by year (records-1991.html), and by month in a year of more (records-1991-02.html);
       the records whose date gives no year on records-undated.html. Each page a map: year, month (or empty),
       label, href, records. -->
  <xsl:param name="table-rows" as="xs:integer" select="2000"/>
  <xsl:variable name="ed:table-pages" as="map(*)*">
    <xsl:if test="count($digests) gt $table-rows">
      <xsl:for-each-group select="$digests" group-by="(substring(@start, 1, 4)[matches(., '^[0-9]{4}$')], '')[1]">
        <xsl:variable name="year" select="current-grouping-key()"/>
        <xsl:choose>
          <xsl:when test="count(current-group()) le $table-rows or $year = ''">
            <xsl:sequence select="map{'year': $year, 'month': (), 'label': ($year[. != ''], 'Undated')[1],
                'href': 'records-' || ($year[. != ''], 'undated')[1] || '.html', 'records': current-group()}"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each-group select="current-group()" group-by="(substring(@start, 6, 2)[matches(., '^[0-9]{2}$')],
                '')[1]">
              <xsl:variable name="month" select="current-grouping-key()"/>
              <xsl:sequence select="map{'year': $year, 'month': $month, 'label': if ($month = '') then 'no month'
                  else format-date(xs:date($year || '-' || $month || '-01'), '[MNn]', 'en', (), ()),
                  'href': 'records-' || $year || ('-' || $month)[$month != ''] || '.html',
                  'records': current-group()}"/>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:if>
  </xsl:variable>
  <xsl:function name="ed:table-page-name" as="xs:string">
    <xsl:param name="page" as="map(*)"/>
    <xsl:sequence select="if ($page?year = '') then 'no year' else string-join(($page?month ! $page?label,
        $page?year), ' ')"/>
  </xsl:function>
  <xsl:template name="ed:table-pages">
    <xsl:for-each select="$ed:table-pages">
      <xsl:variable name="k" select="position()"/>
      <xsl:variable name="heading" select="'The records of ' || ed:table-page-name(.)"/>
      <xsl:call-template name="ed:page">
        <xsl:with-param name="href" select="?href"/>
        <xsl:with-param name="page-title" select="$heading || ' | ' || $title"/>
        <xsl:with-param name="content">
          <h1><xsl:value-of select="$heading"/></h1>
          <nav class="pages" aria-label="Pages of the table">
            <p><xsl:for-each select="$ed:table-pages[$k - 1]"><a rel="prev" href="{?href}">Previous: <xsl:value-of
                select="ed:table-page-name(.)"/></a> · </xsl:for-each><a href="index.html#chronology">All
                years</a><xsl:for-each select="$ed:table-pages[$k + 1]"> · <a rel="next" href="{?href}">Next:
                <xsl:value-of select="ed:table-page-name(.)"/></a></xsl:for-each></p>
          </nav>
          <xsl:call-template name="ed:chronology">
            <xsl:with-param name="records" select="?records"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The day as a picture: each timed record a bar from its start to its end (10 minutes when no end is
       printed), linked to the record. Records of several days have a picture of each day, up to a week of them;
       records of more days have none (one axis of the hours would put the days on top of each other), their times
       are in the table. -->
  <xsl:template name="ed:timeline">
    <xsl:variable name="timed" select="$digests[@begin]"/>
    <xsl:variable name="days" select="distinct-values($timed ! substring(@start, 1, 10))"/>
    <xsl:variable name="untimed" select="count($digests) - count($timed)"/>
    <xsl:choose>
      <xsl:when test="count($days) le 1">
        <xsl:call-template name="ed:day-timeline">
          <xsl:with-param name="timed" select="$timed"/>
          <xsl:with-param name="untimed" select="$untimed"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="count($days) le 7">
        <xsl:for-each select="$days">
          <xsl:call-template name="ed:day-timeline">
            <xsl:with-param name="timed" select="$timed[starts-with(@start, current())]"/>
            <xsl:with-param name="day" select="."/>
            <xsl:with-param name="untimed" select="if (position() = last()) then $untimed else 0"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- One day's picture ($day: which, where the records have several). -->
  <xsl:template name="ed:day-timeline">
    <xsl:param name="timed" as="element(ed:record)*"/>
    <xsl:param name="day" as="xs:string?"/>
    <xsl:param name="untimed" as="xs:integer"/>
    <xsl:variable name="title-id" select="string-join(('timeline-title', $day), '-')"/>
    <xsl:if test="$timed">
      <xsl:variable name="first" select="min($timed/@begin ! xs:integer(.))"/>
      <xsl:variable name="last" select="max($timed/@end ! xs:integer(.))"/>
      <xsl:variable name="from" select="$first - $first mod 60"/>
      <xsl:variable name="to" select="$last + (60 - $last mod 60) mod 60"/>
      <xsl:variable name="span" select="max(($to - $from, 60))"/>
      <xsl:variable name="width" select="900"/>
      <xsl:variable name="row" select="32"/>
      <xsl:variable name="height" select="40 + $row * count($timed)"/>
      <figure class="timeline">
        <svg:svg viewBox="-40 0 {$width + 460} {$height}" role="group" aria-labelledby="{$title-id}">
          <svg:title id="{$title-id}">Timeline of the records<xsl:value-of select="$day ! (' of ' || ed:in-words(.))"/>, from <xsl:value-of
              select="format-number($first idiv 60, '00') || ':' || format-number($first mod 60, '00')"/> to <xsl:value-of
              select="format-number($last idiv 60, '00') || ':' || format-number($last mod 60, '00')"/></svg:title>
          <!-- a line every hour; a label every hour, or every 2, 3, 4, 6 or 12 hours, so that no two labels
               (about 60 units wide at this size) touch -->
          <xsl:variable name="step" select="(1, 2, 3, 4, 6, 12)[. * 60 * $width div $span ge 75][1]"/>
          <xsl:for-each select="0 to $span idiv 60">
            <xsl:variable name="x" select=". * 60 * $width div $span"/>
            <svg:line x1="{$x}" y1="22" x2="{$x}" y2="{$height}" class="hour"/>
            <xsl:if test=". mod $step = 0">
              <svg:text x="{$x}" y="16" class="hour-label" text-anchor="middle"><xsl:value-of
                  select="format-number(($from idiv 60 + .) mod 24, '00')"/>:00</svg:text>
            </xsl:if>
          </xsl:for-each>
          <xsl:for-each select="$timed">
            <xsl:variable name="start" select="xs:integer(@begin) - $from"/>
            <xsl:variable name="end" select="xs:integer(@end) - $from"/>
            <xsl:variable name="y" select="28 + (position() - 1) * $row"/>
            <svg:a href="records/{@id}.html">
              <svg:title><xsl:value-of select="@title || ', ' || @when"/></svg:title>
              <svg:rect x="{$start * $width div $span}" y="{$y}" width="{max(($end - $start, 4)) * $width div $span}"
                  height="{$row - 6}" class="call {@kind}"/>
              <svg:text x="{$end * $width div $span + 6}" y="{$y + $row - 14}" class="call-label"><xsl:value-of
                  select="substring-after(@when, ', ') || ' ' || ed:with(.)"/></svg:text>
            </svg:a>
          </xsl:for-each>
        </svg:svg>
        <figcaption><xsl:value-of select="if (exists($day)) then ed:in-words($day) else 'The day'"
          /> in time: each bar a record, from its start to its end (local time; a record that prints
          only its start is drawn ten minutes long).
          <span class="legend"><xsl:for-each select="distinct-values($timed/@kind[. != ''])">
            <span class="key {.}"/><xsl:value-of select="."/><xsl:text> </xsl:text>
          </xsl:for-each></span>
          <xsl:value-of select="if (exists($day) and $untimed = 0) then '' else if ($untimed = 0)
              then 'Every record prints its time.' else if ($untimed = 1)
              then 'One record prints no time: it is in the table only.'
              else $untimed || ' records print no time: they are in the table only.'"/></figcaption>
      </figure>
    </xsl:if>
  </xsl:template>

  <!-- One page per record. -->
  <xsl:template name="ed:record">
    <xsl:param name="prev" as="element(ed:record)?"/>
    <xsl:param name="next" as="element(ed:record)?"/>
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="cited" select="ed:cited(.)"/>
    <xsl:variable name="id" select="$cited?id"/>
    <xsl:variable name="parts" select="ed:parts(.)"/>
    <xsl:variable name="notes" select="ed:endnotes(*/text)[not(ancestor::div intersect $parts)]"/>
    <xsl:variable name="variants" select="ed:variants(*/text)[not(ancestor::div intersect $parts)]"/>
    <xsl:variable name="numbers" select="map:merge((ed:note-numbers($notes), ed:note-numbers($variants)))"/>
    <!-- the text's first heading, where it is the record's title: the page's heading, not repeated in the text -->
    <xsl:variable name="title-head" select="(*/text/body//head)[1][normalize-space(.) = normalize-space($cited?title)]"/>
    <xsl:variable name="text" as="element()">
      <div class="text" data-pagefind-body="">
        <xsl:sequence select="ed:lang((*/text/@xml:lang, */@xml:lang, 'en')[1], (*/@xml:lang, 'en')[1])"/>
        <!-- what the search can filter the records by: kind, day, interlocutor, speaker, party -->
        <xsl:for-each select="ed:digest-of($id)">
          <xsl:for-each select="@kind[. != '']"><span data-pagefind-filter="kind:{.}"></span></xsl:for-each>
          <xsl:for-each select="substring(@start, 1, 10)[. castable as xs:date]"><span
              data-pagefind-filter="day:{ed:in-words(.)}"></span></xsl:for-each>
          <xsl:for-each select="ed:interlocutors(.)"><span data-pagefind-filter="with:{.}"></span></xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="distinct-values((.//text//sp[speaker] ! ed:speaker-name(.),
            .//text//u ! ed:utterance-speaker(.)))"><span data-pagefind-filter="speaker:{.}"></span></xsl:for-each>
        <!-- (a debate's: the speakers' parties) -->
        <xsl:for-each select="distinct-values(.//text//u ! ed:speaker-party(.))"><span
            data-pagefind-filter="party:{.}"></span></xsl:for-each>
        <xsl:apply-templates select="*/text" mode="ed:text">
          <xsl:with-param name="ed:register-href" select="'../persons.html'" tunnel="yes"/>
          <xsl:with-param name="ed:note-numbers" select="$numbers" tunnel="yes"/>
          <xsl:with-param name="ed:volume" select="if (exists($parts)) then $id else ()" tunnel="yes"/>
          <xsl:with-param name="ed:page-head" select="$title-head" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:call-template name="ed:notes">
          <xsl:with-param name="notes" select="$notes"/>
          <xsl:with-param name="variants" select="$variants"/>
          <xsl:with-param name="ed:register-href" select="'../persons.html'" tunnel="yes"/>
          <xsl:with-param name="ed:note-numbers" select="$numbers" tunnel="yes"/>
          <xsl:with-param name="ed:volume" select="if (exists($parts)) then $id else ()" tunnel="yes"/>
        </xsl:call-template>
        <xsl:call-template name="ed:commentary">
          <xsl:with-param name="doc" select="$doc"/>
          <xsl:with-param name="ed:register-href" select="'../persons.html'" tunnel="yes"/>
        </xsl:call-template>
      </div>
    </xsl:variable>
    <xsl:call-template name="ed:plain-text">
      <xsl:with-param name="href" select="'records/' || $id || '.txt'"/>
      <xsl:with-param name="header" select="($cited?title, ed:cited-date($cited?when)[. != ''])"/>
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="citation" select="$cited?url"/>
    </xsl:call-template>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'records/' || $id || '.html'"/>
      <xsl:with-param name="page-title" select="$cited?title || ' | ' || $title"/>
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="head">
        <xsl:call-template name="ed:citation-meta">
          <xsl:with-param name="r" select="$cited"/>
          <xsl:with-param name="pdf" select="if ($record-pdfs) then 'print/' || $id || '.pdf' else ()"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content-of" select="."/>
      <xsl:with-param name="ed:prev" select="$prev" tunnel="yes"/>
      <xsl:with-param name="ed:next" select="$next" tunnel="yes"/>
      <xsl:with-param name="ed:cited" select="$cited" tunnel="yes"/>
      <xsl:with-param name="ed:numbers" select="$numbers" tunnel="yes"/>
      <xsl:with-param name="ed:title-head" select="$title-head" tunnel="yes"/>
      <xsl:with-param name="ed:text" select="$text" tunnel="yes"/>
    </xsl:call-template>
    <xsl:call-template name="ed:part-pages"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
    <xsl:call-template name="ed:csl"><xsl:with-param name="r" select="$cited"/></xsl:call-template>
  </xsl:template>

  <!-- A record's page: its neighbours, its header, its text and notes, how to cite it. -->
  <xsl:template match="document-node()" mode="ed:content">
    <xsl:param name="ed:prev" as="element(ed:record)?" tunnel="yes"/>
    <xsl:param name="ed:next" as="element(ed:record)?" tunnel="yes"/>
    <xsl:param name="ed:cited" as="map(*)" tunnel="yes"/>
    <xsl:param name="ed:numbers" as="map(*)" tunnel="yes"/>
    <xsl:param name="ed:title-head" as="element()?" tunnel="yes"/>
    <xsl:param name="ed:text" as="element()" tunnel="yes"/>
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="header" select="*/teiHeader"/>
    <!-- the neighbours at the top as well, in short: a reader moves through the day without scrolling -->
    <xsl:if test="exists(($ed:prev, $ed:next))">
      <nav class="prev-next top" aria-label="Records in time order">
        <!-- (by its date; a record without one, by the word) -->
        <xsl:for-each select="$ed:prev"><a class="prev" href="./{@id}.html" title="{@title}">&#x2190; <xsl:value-of
            select="(ed:in-words(@when)[. != ''], 'Previous')[1]"/></a></xsl:for-each>
        <xsl:for-each select="$ed:next"><a class="next" href="./{@id}.html" title="{@title}"><xsl:value-of
            select="(ed:in-words(@when)[. != ''], 'Next')[1]"/> &#x2192;</a></xsl:for-each>
      </nav>
    </xsl:if>
    <article class="record">
      <xsl:sequence select="ed:lang((*/@xml:lang, 'en')[1], $ed:site-language)"/>
      <header class="record-header">
        <h1>
          <xsl:choose>
            <xsl:when test="$ed:title-head">
              <!-- (class text-head: the text's own first heading, shown as the page's) -->
              <xsl:attribute name="class" select="'text-head'"/>
              <xsl:for-each select="$ed:title-head"><xsl:call-template name="ed:attrs"/></xsl:for-each>
              <xsl:apply-templates select="$ed:title-head/node()" mode="ed:text">
                <xsl:with-param name="ed:register-href" select="'../persons.html'" tunnel="yes"/>
                <xsl:with-param name="ed:note-numbers" select="$ed:numbers" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$ed:cited?title"/></xsl:otherwise>
          </xsl:choose>
        </h1>
        <xsl:call-template name="ed:facts">
          <xsl:with-param name="register-href" select="'../persons.html'"/>
        </xsl:call-template>
        <xsl:call-template name="ed:source-description"/>
        <xsl:for-each select="$header//notesStmt/note[not(@type = ('credit', 'archive'))]">
          <p class="header-note {@type}"><xsl:value-of select="normalize-space(.)"/></p>
        </xsl:for-each>
        <!-- the record as it can be taken away: its TEI (the very file), its reading text, its PDF -->
        <p class="downloads">Download: <a href="{$ed:cited?id}.xml" type="application/tei+xml" download="">TEI</a>
              · <a href="{$ed:cited?id}.txt" type="text/plain" download="">plain text</a><xsl:if test="$record-pdfs">
              · <a href="../print/{$ed:cited?id}.pdf" type="application/pdf">PDF</a></xsl:if></p>
      </header>
      <!-- The page shows the reading text; the source's own readings (deletions, errors, original spellings and
           abbreviations) are in it too, shown on demand, with no script. -->
      <xsl:call-template name="ed:layer-toggles"><xsl:with-param name="text" select="*/text"/></xsl:call-template>
      <xsl:sequence select="$ed:text"/>
      <section class="cite" aria-labelledby="cite-{$ed:cited?id}">
        <h2 id="cite-{$ed:cited?id}">Cite this record</h2>
        <p class="citation"><xsl:call-template name="ed:citation"><xsl:with-param name="r" select="$ed:cited"/></xsl:call-template></p>
        <pre class="bibtex"><xsl:value-of select="ed:bibtex($ed:cited)"/></pre>
        <p>As CSL-JSON (for Zotero and citation processors): <a href="./{$ed:cited?id}.json"><xsl:value-of select="$ed:cited?id"/>.json</a>.</p>
        <xsl:if test=".//sp[@xml:id]">
          <details class="cite-turns">
            <summary>Cite one speech turn</summary>
            <ol>
              <!-- "Turn 3 (Gorbachev)": the turn's place and its speaker's label without its punctuation -->
              <xsl:for-each select=".//sp[@xml:id]">
                <li id="cite-{@xml:id}"><xsl:value-of select="'Turn ' || position() || ed:speaker-name(.) !
                    (' (' || . || ')') || ', in '"/><xsl:call-template
                    name="ed:citation"><xsl:with-param name="r" select="$ed:cited"/><xsl:with-param name="fragment"
                    select="string(@xml:id)"/></xsl:call-template></li>
              </xsl:for-each>
            </ol>
          </details>
        </xsl:if>
        <xsl:call-template name="ed:accessed-script"/>
      </section>
    </article>
    <nav class="prev-next" aria-label="Records in time order, below the record">
      <xsl:for-each select="$ed:prev"><a rel="prev" href="./{@id}.html">Previous: <xsl:value-of select="@title"/></a></xsl:for-each>
      <xsl:for-each select="$ed:next"><a rel="next" href="./{@id}.html">Next: <xsl:value-of select="@title"/></a></xsl:for-each>
    </nav>
  </xsl:template>

  <!-- What a reader may show in a page's text, each by a checkbox before it (edition.css): the source's own
       readings, where the text has any; the metre and rhyme of its verse (tei.xsl, ed:prosody), where it gives them. -->
  <xsl:template name="ed:layer-toggles">
    <xsl:param name="text" as="element()"/>
    <xsl:if test="$text//(del | choice[sic | orig | abbr] | app[not(parent::listApp)])">
      <input type="checkbox" id="show-original" class="layer-toggle"/>
      <label for="show-original" class="layer-toggle">Show the source's own readings (deletions, errors,
              original spellings and abbreviations) and the variants in the text</label>
    </xsl:if>
    <xsl:if test="$text//(l | lg)[@met | @real | @rhyme]">
      <input type="checkbox" id="show-prosody" class="layer-toggle"/>
      <label for="show-prosody" class="layer-toggle">Show the metre and rhyme of the verse</label>
    </xsl:if>
  </xsl:template>

  <!-- A pointer on the pages of a split record leads to the page of the part its target lies in: from a part's page
       to a sibling page (or the volume's page, for the front matter), from the volume's page into its folder. -->
  <xsl:function name="ed:part-href" as="xs:string?">
    <xsl:param name="from" as="element()"/>
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:param name="page-part" as="element()?"/>
    <xsl:param name="volume" as="xs:string?"/>
    <xsl:variable name="id" select="ed:target($uri)"/>
    <xsl:variable name="to" select="if ($id and starts-with(normalize-space($uri), '#') and exists($volume))
        then key('ed:by-id', $id, root($from))[1] else ()"/>
    <xsl:variable name="to-part" select="$to ! ed:part-of(.)"/>
    <xsl:sequence select="if (empty($to)) then (ed:pointer-href($from, $uri) ! (if ($page-part and starts-with(.,
        './')) then '.' || . else .))
        else if ($page-part and $to-part is $page-part) then '#' || $id
        else if ($page-part and $to-part) then ed:part-id($to-part) || '.html#' || $id
        else if ($page-part) then '../' || $volume || '.html#' || $id
        else if ($to-part) then $volume || '/' || ed:part-id($to-part) || '.html#' || $id
        else '#' || $id"/>
  </xsl:function>

  <!-- On the volume's page, each of its parts is an entry of its contents, with its number and head. -->
  <xsl:template match="div" mode="ed:text" priority="3">
    <xsl:param name="ed:volume" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:param name="ed:page-part" as="element()?" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test="exists($ed:volume) and empty($ed:page-part) and exists(. intersect ed:parts(root(.)))">
        <p class="part-entry"><a href="{$ed:volume}/{ed:part-id(.)}.html"><xsl:value-of
            select="ed:part-title(.)"/></a></p>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- On a part's page, its heading is the page's (ed:part-pages), not repeated in the text. -->
  <xsl:template match="head" mode="ed:text" priority="2">
    <xsl:param name="ed:page-head" as="element()?" tunnel="yes" select="()"/>
    <xsl:if test="not(. is $ed:page-head)"><xsl:next-match/></xsl:if>
  </xsl:template>

  <!-- One page per part of a split record: records/ID/PART.html, with the way back and to its neighbours. -->
  <xsl:template name="ed:part-pages">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="id" select="ed:id($doc)"/>
    <xsl:variable name="parts" select="ed:parts($doc)"/>
    <xsl:for-each select="$parts">
      <xsl:variable name="k" select="position()"/>
      <xsl:variable name="part" select="."/>
      <xsl:variable name="notes" select="ed:endnotes(.)"/>
      <xsl:variable name="variants" select="ed:variants(.)"/>
      <xsl:variable name="numbers" select="map:merge((ed:note-numbers($notes), ed:note-numbers($variants)))"/>
      <xsl:variable name="head" select="normalize-space((head)[1])[. != ''], 'Document ' || @n"/>
      <xsl:call-template name="ed:page">
        <xsl:with-param name="href" select="'records/' || $id || '/' || ed:part-id(.) || '.html'"/>
        <xsl:with-param name="page-title" select="$head[1] || ' | ' || ed:title($doc) || ' | ' || $title"/>
        <xsl:with-param name="root" select="'../../'"/>
        <xsl:with-param name="content">
          <article class="record part">
            <xsl:sequence select="ed:lang(($doc/*/@xml:lang, 'en')[1], $ed:site-language)"/>
            <header class="record-header">
              <p class="in-volume">In <a href="../{$id}.html"><xsl:value-of select="ed:title($doc)"/></a></p>
              <!-- the document's own heading, as it is marked up, is the page's: the text does not repeat it -->
              <h1><xsl:for-each select="(head)[1]"><xsl:call-template name="ed:attrs"/></xsl:for-each>
                <xsl:sequence select="ed:number(.)"/>
                <xsl:choose>
                  <xsl:when test="normalize-space((head)[1])">
                    <xsl:apply-templates select="(head)[1]/node()" mode="ed:text">
                      <xsl:with-param name="ed:register-href" select="'../../persons.html'" tunnel="yes"/>
                      <xsl:with-param name="ed:note-numbers" select="$numbers" tunnel="yes"/>
                      <xsl:with-param name="ed:page-part" select="$part" tunnel="yes"/>
                      <xsl:with-param name="ed:volume" select="$id" tunnel="yes"/>
                    </xsl:apply-templates>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="$head[1]"/></xsl:otherwise>
                </xsl:choose>
              </h1>
            </header>
            <xsl:call-template name="ed:layer-toggles"><xsl:with-param name="text" select="."/></xsl:call-template>
            <div class="text" data-pagefind-body="">
              <xsl:sequence select="ed:lang(($doc/*/text/@xml:lang, $doc/*/@xml:lang, 'en')[1], ($doc/*/@xml:lang, 'en')[1])"/>
              <xsl:apply-templates select="." mode="ed:text">
                <xsl:with-param name="ed:register-href" select="'../../persons.html'" tunnel="yes"/>
                <xsl:with-param name="ed:note-numbers" select="$numbers" tunnel="yes"/>
                <xsl:with-param name="ed:page-part" select="$part" tunnel="yes"/>
                <xsl:with-param name="ed:volume" select="$id" tunnel="yes"/>
                <xsl:with-param name="ed:page-head" select="(head)[1]" tunnel="yes"/>
              </xsl:apply-templates>
              <xsl:call-template name="ed:notes">
                <xsl:with-param name="notes" select="$notes"/>
                <xsl:with-param name="variants" select="$variants"/>
                <xsl:with-param name="ed:register-href" select="'../../persons.html'" tunnel="yes"/>
                <xsl:with-param name="ed:note-numbers" select="$numbers" tunnel="yes"/>
                <xsl:with-param name="ed:page-part" select="$part" tunnel="yes"/>
                <xsl:with-param name="ed:volume" select="$id" tunnel="yes"/>
              </xsl:call-template>
            </div>
          </article>
          <nav class="prev-next" aria-label="Documents of this volume">
            <xsl:for-each select="$parts[$k - 1]"><a rel="prev" href="./{ed:part-id(.)}.html">Previous: <xsl:value-of
                select="ed:part-title(.)"/></a></xsl:for-each>
            <xsl:for-each select="$parts[$k + 1]"><a rel="next" href="./{ed:part-id(.)}.html">Next: <xsl:value-of
                select="ed:part-title(.)"/></a></xsl:for-each>
          </nav>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A page's reading text as plain text, beside it: what the page shows (its header lines, the text, the notes),
       a block to a paragraph, a note's mark as [n]; the source's own readings that the page shows on demand
       (deletions, errors, original spellings) are left to the TEI. -->
  <xsl:template name="ed:plain-text">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="header" as="xs:string*"/>
    <xsl:param name="text" as="element()"/>
    <xsl:param name="citation" as="xs:string"/>
    <xsl:variable name="body" as="xs:string*"><xsl:apply-templates select="$text" mode="ed:plain"/></xsl:variable>
    <xsl:result-document href="{$href}" method="text" encoding="utf-8">
      <!-- each line's spaces normalized, a run of empty lines one empty line, and none at either end (by lines, not
           by regular expressions over the whole text, which cost a second per hundred records; an empty line kept
           where it follows a line of text, the last one dropped) -->
      <xsl:variable name="lines" as="xs:string*" select="tokenize(string-join($body), '&#10;') ! normalize-space(.)"/>
      <xsl:variable name="kept" as="xs:string*" select="for $k in 1 to count($lines) return
          if ($lines[$k] != '') then $lines[$k] else if ($k gt 1 and $lines[$k - 1] != '') then '' else ()"/>
      <xsl:value-of select="string-join(($header, '', if ($kept[last()] = '') then subsequence($kept, 1, count($kept)
          - 1) else $kept, '', $citation), '&#10;') || '&#10;'"/>
    </xsl:result-document>
  </xsl:template>
  <xsl:mode name="ed:plain" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="ed:plain"><xsl:sequence select="translate(., '&#9;&#10;&#13;', '   ')"/></xsl:template>
  <!-- (the HTML's elements are in no namespace: Q{}p) -->
  <xsl:template match="Q{}p | Q{}div | Q{}section | Q{}h1 | Q{}h2 | Q{}h3 | Q{}h4 | Q{}h5 | Q{}h6 | Q{}blockquote
      | Q{}pre | Q{}ul | Q{}ol | Q{}dl | Q{}table | Q{}figure" mode="ed:plain">
    <xsl:sequence select="'&#10;&#10;'"/><xsl:apply-templates mode="ed:plain"/><xsl:sequence select="'&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="Q{}li | Q{}dt | Q{}dd | Q{}tr | Q{}br" mode="ed:plain">
    <xsl:sequence select="'&#10;'"/><xsl:apply-templates mode="ed:plain"/>
  </xsl:template>
  <xsl:template match="Q{}pre//text()" mode="ed:plain" priority="1"><xsl:sequence select="string(.)"/></xsl:template>
  <xsl:template match="*[@class][contains-token(@class, 'note-mark') or contains-token(@class, 'note-back')]" mode="ed:plain"
      priority="3">
    <xsl:sequence select="'[' || normalize-space(.) || ']'"/>
  </xsl:template>
  <xsl:template match="*[@class][some $c in ('del', 'alt', 'anchor', 'prosody') satisfies contains-token(@class, $c)] | Q{}input | Q{}label
      | Q{}script" mode="ed:plain" priority="2"/>

  <!-- The record as CSL-JSON, beside its page (cite.xsl). -->
  <xsl:template name="ed:csl">
    <xsl:param name="r" as="map(*)"/>
    <xsl:result-document href="records/{$r?id}.json" method="json" indent="yes">
      <xsl:sequence select="array{ ed:csl($r) }"/>
    </xsl:result-document>
  </xsl:template>

  <!-- Each person's turns and mentions in the records, by id. "$digests ! ..." and not "$digests/...": in a rebuild
       the digests come from two documents, and a path would put them in document order instead of the records'. -->
  <xsl:variable name="turns" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="$digests ! ed:spoke" group-by="string(@who)">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>
  <xsl:variable name="mentions" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="$digests ! ed:named" group-by="string(@ref)">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- The register of persons: dates, role, Wikidata, where they speak and where they are named, filed by name.
       It is one page, persons.html, where that page would link the records at most $ed:register-links times (about
       a megabyte); a larger register is published as pages of about that size (ed:register-layout): persons.html
       leads from A to Z to the pages of each initial (persons/letter-A.html, persons/letter-A-2.html, ...), and an
       entry larger than a page has pages of its own (persons/ID.html, persons/ID/2.html, ...), of at most
       $ed:register-chunk records each. -->
  <xsl:param name="register-links" as="xs:integer" select="4000"/>
  <xsl:param name="register-chunk" as="xs:integer" select="500"/>
  <xsl:variable name="ed:register-links" as="xs:integer" select="$register-links"/>
  <xsl:variable name="ed:register-chunk" as="xs:integer" select="$register-chunk"/>
  <xsl:variable name="people" as="element()*">
    <xsl:perform-sort select="$register//listPerson/person">
      <xsl:sort select="ed:filing(.)" lang="en"/>
    </xsl:perform-sort>
  </xsl:variable>
  <!-- The persons by the initial of the name they are filed under, each initial's in an array. -->
  <xsl:variable name="ed:letters" as="array(element()*)*">
    <xsl:for-each-group select="$people" group-adjacent="ed:initial(.)">
      <xsl:sequence select="[current-group()]"/>
    </xsl:for-each-group>
  </xsl:variable>
  <xsl:function name="ed:initial" as="xs:string">
    <xsl:param name="person" as="element(person)"/>
    <xsl:sequence select="upper-case(substring(ed:filing($person), 1, 1))"/>
  </xsl:function>
  <!-- An entry's weight: the links to records it would hold, and a few for its heading. -->
  <xsl:function name="ed:weight" as="xs:integer">
    <xsl:param name="person" as="element(person)"/>
    <xsl:sequence select="sum(($turns, $mentions) ! ?(string($person/@xml:id)) ! count(tokenize(@at))) + 4"/>
  </xsl:function>
  <xsl:variable name="ed:register-split" as="xs:boolean"
      select="sum($people ! ed:weight(.)) gt $ed:register-links"/>
  <!-- Where each entry is, in a register published as pages: <ed:entry id="" letter="" page=""/>, the page
       filled entry after entry in filing order until the next would pass $ed:register-links; an entry that alone
       passes it has its own pages (own="yes"). -->
  <xsl:variable name="ed:register-layout" as="element(ed:entry)*">
    <xsl:if test="$ordered">  <!-- the digests given are ordered, and made by a run that had them all -->
      <xsl:sequence select="$cached-roots[1]/ed:entry"/>
    </xsl:if>
    <xsl:if test="not($ordered) and $ed:register-split">
      <xsl:for-each select="$ed:letters">
        <xsl:variable name="letter" select="ed:initial(head(?1))"/>
        <xsl:iterate select="?*">
          <xsl:param name="page" as="xs:integer" select="1"/>
          <xsl:param name="size" as="xs:integer" select="0"/>
          <xsl:variable name="weight" select="ed:weight(.)"/>
          <xsl:choose>
            <xsl:when test="$weight gt $ed:register-links">
              <ed:entry id="{@xml:id}" letter="{$letter}" page="{ed:person-chunk(@xml:id, 1)}" own="yes"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="next" select="$size gt 0 and $size + $weight gt $ed:register-links"/>
              <xsl:variable name="here" select="if ($next) then $page + 1 else $page"/>
              <ed:entry id="{@xml:id}" letter="{$letter}" page="{ed:letter-page($letter, $here)}"/>
              <xsl:next-iteration>
                <xsl:with-param name="page" select="$here"/>
                <xsl:with-param name="size" select="if ($next) then $weight else $size + $weight"/>
              </xsl:next-iteration>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:iterate>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="ed:entries" as="map(xs:string, element(ed:entry))"
      select="map:merge($ed:register-layout ! map{string(@id): .})"/>

  <xsl:template name="ed:register">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'persons.html'"/>
      <xsl:with-param name="page-title" select="'Persons | ' || $title"/>
      <xsl:with-param name="content">
        <h1>Persons</h1>
        <!-- A to Z: each letter that begins a filed name, leading to the first person filed under it (or to the
             letter's first page) -->
        <xsl:call-template name="ed:a-to-z">
        </xsl:call-template>
        <xsl:if test="$ed:register-split">
          <p class="register-size"><xsl:value-of select="format-integer(count($people), '#,##0')"/> persons, on pages
            by the initial of the name they are filed under.</p>
        </xsl:if>
        <xsl:for-each select="$people[not($ed:register-split)]">
          <xsl:call-template name="ed:person"/>
        </xsl:for-each>
        <!-- the persons the records list themselves (a play's cast), under each record: their ids are the
             record's, not the edition's -->
        <xsl:variable name="listing" select="$digests[ed:own]"/>
        <xsl:if test="exists($listing)">
          <h2 id="records-own">Persons the records list themselves</h2>
        </xsl:if>
        <xsl:for-each select="$listing">
          <section class="record-persons" aria-labelledby="persons-of-{@id}">
            <h3 id="persons-of-{@id}"><a href="records/{@id}.html"><xsl:value-of select="@title"/></a></h3>
            <ul>
              <xsl:for-each select="ed:own"><li><a href="records/{../@id}.html#person-{@id}"><xsl:value-of
                  select="@name"/></a></li></xsl:for-each>
            </ul>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <!-- a register published as pages: the pages of each initial, and the entries of their own -->
    <xsl:for-each-group select="$ed:register-layout[not(@own)]" group-by="@letter">
      <xsl:variable name="pages" select="distinct-values(current-group()/@page)"/>
      <xsl:for-each-group select="current-group()" group-by="@page">
        <xsl:call-template name="ed:page">
          <xsl:with-param name="href" select="current-grouping-key()"/>
          <xsl:with-param name="page-title" select="'Persons: ' || @letter || ed:page-of(position(), count($pages)) || ' | '
              || $title"/>
          <xsl:with-param name="root" select="'../'"/>
          <xsl:with-param name="content">
            <h1><a href="../persons.html">Persons</a>: <xsl:value-of select="@letter"/></h1>
            <xsl:call-template name="ed:a-to-z">
                  <xsl:with-param name="root" select="'../'"/>
            </xsl:call-template>
            <xsl:call-template name="ed:pages">
              <xsl:with-param name="pages" select="$pages"/>
              <xsl:with-param name="here" select="position()"/>
              <xsl:with-param name="root" select="'../'"/>
              <xsl:with-param name="what" select="'Persons under ' || @letter"/>
            </xsl:call-template>
            <xsl:for-each select="current-group() ! key('ed:by-id', @id, $register)">
              <xsl:call-template name="ed:person">
                <xsl:with-param name="root" select="'../'"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each-group>
    </xsl:for-each-group>
    <xsl:for-each select="$ed:register-layout[@own]">
      <xsl:variable name="person" select="key('ed:by-id', @id, $register)"/>
      <xsl:variable name="pages" select="(1 to ed:person-pages(@id)) ! ed:person-chunk($person/@xml:id, .)"/>
      <xsl:variable name="letter" select="string(@letter)"/>
      <xsl:variable name="spoken" as="map(xs:string, element()*)">
        <xsl:map>
          <xsl:for-each-group select="$turns(string(@id))" group-by="string(../@id)">
            <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
          </xsl:for-each-group>
        </xsl:map>
      </xsl:variable>
      <xsl:variable name="named" as="map(xs:string, element()*)">
        <xsl:map>
          <xsl:for-each-group select="$mentions(string(@id))" group-by="string(../@id)">
            <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
          </xsl:for-each-group>
        </xsl:map>
      </xsl:variable>
      <!-- the records where the person speaks or is named, in the records' order -->
      <xsl:variable name="in" select="$digests ! string(@id)[map:contains($spoken, .) or map:contains($named, .)]"/>
      <xsl:for-each select="$pages">
        <xsl:variable name="k" select="position()"/>
        <xsl:variable name="here" select="subsequence($in, ($k - 1) * $ed:register-chunk + 1, $ed:register-chunk)"/>
        <xsl:variable name="root" select="if ($k = 1) then '../' else '../../'"/>
        <xsl:call-template name="ed:page">
          <xsl:with-param name="href" select="."/>
          <xsl:with-param name="page-title" select="ed:person-heading($person) || ed:page-of($k, count($pages)) ||
              ' | Persons | ' || $title"/>
          <xsl:with-param name="root" select="$root"/>
          <xsl:with-param name="content">
            <p class="breadcrumb"><a href="{$root}persons.html">Persons</a> / <a
                href="{$root}{ed:letter-page($letter, 1)}"><xsl:value-of select="$letter"/></a></p>
            <xsl:call-template name="ed:pages">
              <xsl:with-param name="pages" select="$pages"/>
              <xsl:with-param name="here" select="$k"/>
              <xsl:with-param name="root" select="$root"/>
              <xsl:with-param name="what" select="'Records ' || format-integer(($k - 1) * $ed:register-chunk + 1,
                  '#,##0') || '&#x2013;' || format-integer(min(($k * $ed:register-chunk, count($in))), '#,##0')
                  || ' of ' || format-integer(count($in), '#,##0')"/>
            </xsl:call-template>
            <xsl:for-each select="$person">
              <xsl:call-template name="ed:person">
                <xsl:with-param name="spoken" select="$here ! $spoken(.)"/>
                <xsl:with-param name="named" select="$here ! $named(.)"/>
                <xsl:with-param name="root" select="$root"/>
                <xsl:with-param name="heading" select="'h1'"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- Which page of how many, in a page's title, where there are several: " (2/5)". -->
  <xsl:function name="ed:page-of" as="xs:string">
    <xsl:param name="k" as="xs:integer"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n gt 1) then ' (' || $k || '/' || $n || ')' else ''"/>
  </xsl:function>

  <!-- The pages of a letter, or of an entry, when there are several: $pages, their addresses from the site's top;
       $here, the one being written. -->
  <xsl:template name="ed:pages">
    <xsl:param name="pages" as="xs:string*"/>
    <xsl:param name="here" as="xs:integer"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:if test="count($pages) gt 1">
      <nav class="pages" aria-label="Pages">
        <p><xsl:value-of select="$what"/>, page <xsl:value-of select="$here"/> of <xsl:value-of
            select="count($pages)"/>:
          <xsl:for-each select="$pages">
            <xsl:choose>
              <xsl:when test="position() = $here"><strong aria-current="page"><xsl:value-of
                  select="position()"/></strong></xsl:when>
              <xsl:otherwise><a href="{$root}{.}"><xsl:value-of select="position()"/></a></xsl:otherwise>
            </xsl:choose>
            <xsl:text> </xsl:text>
          </xsl:for-each></p>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- How many pages an entry of its own has: one for each $ed:register-chunk records where the person speaks or is
       named. -->
  <xsl:function name="ed:person-pages" as="xs:integer">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="max((1, (count(distinct-values(($turns($id), $mentions($id)) ! string(../@id))) - 1)
        idiv $ed:register-chunk + 1))"/>
  </xsl:function>
  <xsl:function name="ed:person-chunk" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="k" as="xs:integer"/>
    <xsl:sequence select="'persons/' || encode-for-uri($id) || (if ($k = 1) then '' else '/' || $k) || '.html'"/>
  </xsl:function>
  <xsl:function name="ed:letter-page" as="xs:string">
    <xsl:param name="letter" as="xs:string"/>
    <xsl:param name="k" as="xs:integer"/>
    <xsl:sequence select="'persons/letter-' || encode-for-uri($letter) || (if ($k = 1) then '' else '-' || $k)
        || '.html'"/>
  </xsl:function>

  <!-- Where a person's entry in the register is, from a page whose way to persons.html is $register-href. -->
  <xsl:function name="ed:person-page" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="register-href" as="xs:string"/>
    <xsl:variable name="entry" select="$ed:entries($id)"/>
    <xsl:sequence select="if (empty($entry)) then $register-href || '#' || $id else
        substring-before($register-href, 'persons.html') || $entry/@page || ('#' || $id)[not($entry/@own)]"/>
  </xsl:function>
  <!-- The pages of the register, for the sitemap. -->
  <xsl:function name="ed:register-pages" as="xs:string*">
    <xsl:sequence select="'persons.html', distinct-values($ed:register-layout[not(@own)]/@page),
        $ed:register-layout[@own] ! (for $k in 1 to ed:person-pages(@id) return ed:person-chunk(@id, $k))"/>
  </xsl:function>

  <!-- A to Z: each letter that begins a filed name, leading to the first person filed under it on this page, or,
       in a register published as pages, to the letter's first page ($root: the way to the site's top). -->
  <xsl:template name="ed:a-to-z">
    <xsl:param name="root" as="xs:string" select="''"/>
    <nav class="az" aria-label="Persons from A to Z">
      <xsl:for-each select="$ed:letters">
        <xsl:variable name="letter" select="ed:initial(head(?1))"/>
        <a href="{if ($ed:register-split) then $root || ed:letter-page($letter, 1) else '#' || head(?1)/@xml:id}"><xsl:value-of
            select="$letter"/></a>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <!-- A person's name as the register heads their entry: the name, and the years of birth and death. -->
  <xsl:function name="ed:person-heading" as="xs:string">
    <xsl:param name="person" as="element(person)"/>
    <xsl:sequence select="normalize-space($person/persName[not(@type)][1]) || (if ($person/(birth or death)) then
        ' (' || ($person/birth/@when, '?')[1] || '&#x2013;' || ($person/death/@when, '')[1] || ')' else '')"/>
  </xsl:function>

  <!-- A person's entry: heading, role, affiliations, Wikidata, and the records where they speak and are named
       ($root: the way from the page to the site's top). -->
  <xsl:template name="ed:person">
    <xsl:param name="spoken" as="element()*" select="$turns(string(@xml:id))"/>
    <xsl:param name="named" as="element()*" select="$mentions(string(@xml:id))"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:param name="heading" as="xs:string" select="'h2'"/>
    <xsl:variable name="pid" select="string(@xml:id)"/>
    <section class="person" id="{$pid}" aria-labelledby="{$pid}-name">
      <xsl:element name="{$heading}">
        <xsl:attribute name="id" select="$pid || '-name'"/>
        <xsl:value-of select="ed:person-heading(.)"/>
      </xsl:element>
      <xsl:for-each select="note[@type = 'role']"><p class="role"><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
      <!-- affiliations (a member's parties and groups, an office), each with its organisation's name and dates -->
      <xsl:variable name="affiliations" select="affiliation[@ref or normalize-space()]"/>
      <xsl:if test="$affiliations">
        <ul class="affiliations">
          <xsl:for-each select="$affiliations">
            <xsl:variable name="org" select="ed:named(ed:target(@ref), .)[self::org][1]"/>
            <li><xsl:value-of select="string-join((@role ! replace(., '([a-z])([A-Z])', '$1 $2') ! lower-case(.),
                (normalize-space(roleName), ($org/orgName[@full = 'yes'], $org/orgName)[1] ! normalize-space(),
                normalize-space(.)[not(current()/roleName)], @ref[empty($org)] ! string())[. != ''][1]), ': ')"/>
              <xsl:if test="@from or @to"> (<xsl:value-of select="string-join((@from, @to), '&#x2013;')"/><xsl:if
                  test="@from and not(@to)">&#x2013;</xsl:if>)</xsl:if></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:for-each select="idno[@type = 'wikidata'][matches(., '^Q[0-9]+$')]">
        <p><a href="https://www.wikidata.org/wiki/{.}">Wikidata <xsl:value-of select="."/></a></p>
      </xsl:for-each>
            <xsl:if test="exists($spoken)">
              <h3>Speaks in</h3>
              <ul class="occurrences">
                <xsl:for-each-group select="$spoken" group-by="../@id">
                  <li><a href="{$root}records/{current-grouping-key()}.html" title="{../@title}"><xsl:value-of
                      select="$short-names(string(../@id))"/></a>:
                    <xsl:call-template name="ed:places-in">
                      <xsl:with-param name="root" select="$root"/>
                    </xsl:call-template>
                  </li>
                </xsl:for-each-group>
              </ul>
            </xsl:if>
            <xsl:if test="exists($named)">
              <h3>Named in</h3>
              <ul class="occurrences">
                <xsl:for-each-group select="$named" group-by="../@id">
                  <li><a href="{$root}records/{current-grouping-key()}.html" title="{../@title}"><xsl:value-of
                      select="$short-names(string(../@id))"/></a>:
                    <xsl:call-template name="ed:places-in">
                      <xsl:with-param name="root" select="$root"/>
                    </xsl:call-template>
                  </li>
                </xsl:for-each-group>
              </ul>
            </xsl:if>
    </section>
  </xsl:template>

  <!-- The places of a record where a person speaks or is named, as its digest lists them (records.xsl: "ID:N" a
       turn, "=heading" a kind of place outside the turns, each once), as links: the record is the group's key. -->
  <xsl:template name="ed:places-in">
    <xsl:param name="root" as="xs:string"/>
    <xsl:variable name="record" select="current-grouping-key()"/>
    <xsl:for-each select="current-group() ! tokenize(@at)">
      <a href="{$root}records/{$record}.html{if (starts-with(., '=')) then '' else '#' || substring-before(., ':')}">
        <xsl:value-of select="if (starts-with(., '=')) then translate(substring(., 2), '_', ' ')
            else 'turn ' || substring-after(., ':')"/></a>
      <xsl:if test="position() != last()">, </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Each record's short name, made once (the register names a record once for every person in it). -->
  <xsl:variable name="short-names" as="map(xs:string, xs:string)"
      select="map:merge($digests ! map{string(@id): ed:record-short(.)})"/>
  <!-- A record as the register names it: its date and time and whom it is with (its title in a tooltip). -->
  <xsl:function name="ed:record-short" as="xs:string">
    <xsl:param name="record" as="element(ed:record)"/>
    <xsl:sequence select="(string-join((ed:in-words($record/@when)[. != ''], ed:with($record)[. != ''] !
        ('with ' || .)), ', ')[. != ''], string($record/@title))[1]"/>
  </xsl:function>

  <!-- Editorial principles: the edition's own, then the conventions every record declares. -->
  <xsl:template name="ed:principles">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'principles.html'"/>
      <xsl:with-param name="page-title" select="'Editorial principles | ' || $title"/>
      <xsl:with-param name="content">
        <h1>Editorial principles</h1>
        <xsl:for-each select="$about//encodingDesc/(projectDesc, editorialDecl)">
          <xsl:apply-templates select="p" mode="ed:text"/>
        </xsl:for-each>
        <!-- each declaration the records make, with the records that make it where not all do -->
        <xsl:variable name="declared" as="array(element(ed:record)*)*">
          <xsl:for-each-group select="$digests" group-by="ed:conventions-of(.)[. != '']">
            <xsl:sequence select="[current-group()]"/>
          </xsl:for-each-group>
        </xsl:variable>
        <xsl:for-each select="$declared">
          <xsl:variable name="by" select="?*"/>
          <xsl:for-each select="(head($by)/@uri ! doc(.)//encodingDesc/editorialDecl)[1]">
            <h2><xsl:value-of select="ed:declared-by(count($by), count($digests))"/></h2>
            <xsl:if test="count($by) lt count($digests)">
              <p class="declared-by">Declared by <xsl:for-each select="subsequence($by, 1, 20)"><a
                  href="records/{@id}.html"><xsl:value-of select="@title"/></a><xsl:if
                  test="position() != last()">; </xsl:if></xsl:for-each><xsl:if test="count($by) gt 20"><xsl:value-of
                  select="' and ' || ed:records(count($by) - 20) || ' more'"/></xsl:if>.</p>
            </xsl:if>
            <xsl:for-each select="*">
              <section>
                <h3><xsl:value-of select="if (self::p) then 'Conventions' else upper-case(substring(local-name(), 1, 1)) || substring(local-name(), 2)"/></h3>
                <xsl:apply-templates select="if (self::p) then . else p" mode="ed:text"/>
              </section>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Search: Pagefind's index and interface, written by the build beside the pages (pagefind/). -->
  <xsl:template name="ed:search">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'search.html'"/>
      <xsl:with-param name="page-title" select="'Search | ' || $title"/>
      <xsl:with-param name="head">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <script src="pagefind/pagefind-ui.js"></script>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <p>Search the text of every record. (Search runs in the browser and needs the site to be served, by any
          static web server; every other page reads without JavaScript, from the file system too.)</p>
        <div id="search" data-pagefind-ignore="all"></div>
        <script>window.addEventListener('DOMContentLoaded', function () {
          new PagefindUI({ element: '#search', showSubResults: true, showImages: false, processResult: apart,
            mergeIndex: [<xsl:value-of select="string-join($search-bundles ! ('{ bundlePath: &quot;' || . || '&quot; }'), ', ')"/>] });
          /* A turn's excerpt without the speaker label that heads it already (the sub-result's title): the label
             is the turn's heading, not its first words. Parsed in a template element, where nothing runs. */
          function apart(result) {
            (result.sub_results || []).forEach(function (sub) {
              var label = (sub.title || '').trim(), box = document.createElement('template');
              box.innerHTML = sub.excerpt || '';
              var text = box.content.textContent, lead = text.length - text.replace(/^\s+/, '').length;
              if (!label || text.substr(lead, label.length) !== label) { return; }
              var left = lead + label.length, walk = document.createTreeWalker(box.content, NodeFilter.SHOW_TEXT), node;
              while ((node = walk.nextNode())) {
                var cut = Math.min(left, node.data.length);
                node.data = node.data.slice(cut);
                left -= cut;
                if (left === 0) { node.data = node.data.replace(/^\s+/, ''); if (node.data) { break; } }
              }
              box.content.querySelectorAll('mark').forEach(function (m) { if (!m.textContent) { m.remove(); } });
              sub.excerpt = box.innerHTML;
            });
            return result;
          }
          var tries = 0;
          (function label() {  /* Pagefind's field has a placeholder only: give it a name screen readers announce */
            var input = document.querySelector('#search input');
            if (input) { input.setAttribute('aria-label', 'Search the records'); }
            else if (tries++ != 100) { window.setTimeout(label, 20); }
          })();
        });</script>
        <noscript><p>Search needs JavaScript. The <a href="index.html">list of records</a> and the
          <a href="persons.html">register of persons</a> lead to every text.</p></noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A credit's records where the table of records is on pages: how many, and where each is named. -->
  <xsl:template name="ed:credited">
    <xsl:param name="records" as="element(ed:record)*"/>
    <xsl:value-of select="ed:records(count($records))"/> (the <a href="index.html#chronology">table of records</a>
    names the translator of each)</xsl:template>

  <!-- Colophon: every translator credit, the source publication, the publisher and the licence. -->
  <xsl:template name="ed:colophon">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'colophon.html'"/>
      <xsl:with-param name="page-title" select="'Colophon | ' || $title"/>
      <xsl:with-param name="content">
        <h1>Colophon</h1>
        <!-- translators where records name them, and records of conversations that name none -->
        <xsl:if test="$digests[ed:translator or ed:rights/@conversation = 'true']">
          <h2>Translators</h2>
          <ul class="credits">
            <xsl:for-each-group select="$digests" group-by="ed:translator">
              <xsl:sort select="current-grouping-key()"/>
              <li><xsl:value-of select="current-grouping-key()"/>: <xsl:choose>
                <!-- (an edition whose table of records is on pages: the count, and the table names each record's) -->
                <xsl:when test="exists($ed:table-pages)"><xsl:call-template name="ed:credited">
                    <xsl:with-param name="records" select="current-group()"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:for-each select="current-group()">
                  <a href="records/{@id}.html"><xsl:value-of select="@title"/></a>
                  <xsl:if test="position() != last()">; </xsl:if></xsl:for-each></xsl:otherwise>
              </xsl:choose></li>
            </xsl:for-each-group>
            <xsl:variable name="unnamed" select="$digests[empty(ed:translator)][ed:rights/@conversation = 'true']"/>
            <xsl:choose>
              <xsl:when test="exists($ed:table-pages) and exists($unnamed)">
                <li>No translator named: <xsl:call-template name="ed:credited">
                    <xsl:with-param name="records" select="$unnamed"/></xsl:call-template></li>
              </xsl:when>
              <xsl:otherwise>
                <xsl:for-each select="$unnamed">
                  <li>No translator named: <a href="records/{@id}.html"><xsl:value-of select="@title"/></a></li>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </ul>
        </xsl:if>
        <xsl:call-template name="ed:attributions">
          <xsl:with-param name="link" select="function($id) {'records/' || $id || '.html'}"/>
        </xsl:call-template>
        <xsl:call-template name="ed:versions"/>
        <xsl:if test="$versions"><p>What changed in each record from one version to the next:
          <a href="changes.html">changes</a>.</p></xsl:if>
        <xsl:if test="$about//sourceDesc/bibl"><h2>Source</h2></xsl:if>
        <xsl:for-each select="$about//sourceDesc/bibl">
          <p><i><xsl:value-of select="string-join(title ! normalize-space(), ' / ')"/></i><xsl:for-each
              select="publisher">, <xsl:value-of select="normalize-space(.)"/></xsl:for-each>.
            <xsl:value-of select="string-join(note ! normalize-space(), ' ')"/></p>
        </xsl:for-each>
        <xsl:if test="$about"><h2>Edition</h2></xsl:if>
        <xsl:for-each select="$about//titleStmt/respStmt[not(resp/@ref)]">
          <p><xsl:value-of select="string-join(resp ! normalize-space(), '; ')"/><xsl:text> </xsl:text><xsl:value-of
              select="normalize-space(string-join((persName, orgName, name), ', '))"/>.</p>
        </xsl:for-each>
        <xsl:for-each select="$about//publicationStmt">
          <p>Published by <xsl:value-of select="normalize-space(publisher)"/>.</p>
          <xsl:for-each select=".//licence">
            <p class="licence">
              <xsl:value-of select="normalize-space(.)"/>
              <xsl:for-each select="ed:safe-href(@target)"><xsl:text> </xsl:text><a rel="license" href="{.}"><xsl:value-of select="."/></a></xsl:for-each>
            </p>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
