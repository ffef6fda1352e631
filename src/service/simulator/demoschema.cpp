#include "demoschema.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

// "name type" is nullable; a trailing " NOT NULL" makes it required; " = text" gives a default.
ColumnSchema column(QStringView spec)
{
    ColumnSchema col;
    QString rest = spec.toString();
    const qsizetype eq = rest.indexOf(u" = "_s);
    if (eq >= 0) {
        col.defaultValue = rest.mid(eq + 3);
        rest.truncate(eq);
    }
    if (rest.endsWith(u" NOT NULL"_s)) {
        col.isNullable = false;
        rest.chop(9);
    }
    const qsizetype space = rest.indexOf(u' ');
    col.name = rest.left(space);
    col.dataType = rest.mid(space + 1);
    return col;
}

DemoTable table(const QString &name, int weight, std::initializer_list<QStringView> columns,
                QStringList key = {})
{
    DemoTable t;
    t.weight = weight;
    t.schema.tableName = name;
    // SuperOffice's convention: the first column is "<table>_id", the key.
    t.schema.primaryKey = key.isEmpty() ? QStringList{name + u"_id"_s} : key;
    for (QStringView spec : columns)
        t.schema.columns.append(column(spec));
    return t;
}

} // namespace

QList<DemoTable> demoTables()
{
    return {
        table(u"contact"_s, 10,
              {u"contact_id int NOT NULL", u"name nvarchar(254) NOT NULL = ('')",
               u"department nvarchar(254) NOT NULL = ('')", u"orgnr varchar(20)",
               u"number1 varchar(254)", u"category_idx int NOT NULL = ((0))",
               u"business_idx int NOT NULL = ((0))", u"country_id int", u"registered datetime",
               u"updated datetime", u"deleted tinyint NOT NULL = ((0))", u"xstop bit",
               u"kananame nvarchar(254)"}),
        table(u"person"_s, 16,
              {u"person_id int NOT NULL", u"contact_id int NOT NULL = ((0))",
               u"firstname nvarchar(50) NOT NULL = ('')", u"middleName nvarchar(50)",
               u"lastname nvarchar(50) NOT NULL = ('')", u"birthdate date", u"title nvarchar(254)",
               u"retired bit NOT NULL = ((0))", u"registered datetime", u"updated datetime2(7)",
               u"gender smallint", u"userdef_id int"}),
        table(u"appointment"_s, 18,
              {u"appointment_id int NOT NULL", u"contact_id int", u"person_id int",
               u"associate_id int NOT NULL = ((0))", u"do_by datetime", u"endDate smalldatetime",
               u"duration time(7)", u"alarmLeadTime time(3)", u"status smallint",
               u"priority tinyint", u"location nvarchar(254)", u"activeDate date",
               u"created_at datetimeoffset(7)", u"registered datetime = (getdate())"}),
        table(u"sale"_s, 6,
              {u"sale_id int NOT NULL", u"contact_id int", u"person_id int", u"amount money",
               u"earning money", u"earningPercent float", u"probability smallint",
               u"saledate datetime", u"heading nvarchar(254)", u"currency_id int",
               u"rate decimal(19,6)", u"status smallint NOT NULL = ((1))", u"number nvarchar(254)",
               u"updated datetimeoffset(3)"}),
        table(u"project"_s, 2,
              {u"project_id int NOT NULL", u"name nvarchar(254) NOT NULL = ('')",
               u"project_number char(10)", u"type_idx int", u"done bit", u"endDate date",
               u"registered datetime", u"budget numeric(28,8)"}),
        table(u"document"_s, 8,
              {u"document_id int NOT NULL", u"header nvarchar(254)", u"name nvarchar(254)",
               u"oldName nvarchar(254)", u"doctype_id int", u"contact_id int", u"person_id int",
               u"checksum binary(16)", u"externalRef varchar(255)",
               u"document_guid uniqueidentifier", u"registered datetime", u"snum int"}),
        table(u"text"_s, 10,
              {u"text_id int NOT NULL", u"text nvarchar(max)", u"type smallint",
               u"updated datetime"}),
        table(u"associate"_s, 1,
              {u"associate_id int NOT NULL", u"name varchar(20) NOT NULL = ('')", u"person_id int",
               u"type tinyint", u"deleted tinyint NOT NULL = ((0))", u"is_location bit",
               u"portraitThumbnail varbinary(max)"}),
        table(u"udcontactsmall"_s, 5,
              {u"udcontactsmall_id int NOT NULL", u"long01 int", u"long02 int", u"double01 float",
               u"double02 real", u"date01 datetime", u"string01 nvarchar(200)",
               u"string02 varchar(200)"}),
        table(u"udpersonlarge"_s, 6,
              {u"udpersonlarge_id int NOT NULL", u"long01 bigint", u"double01 float",
               u"string01 nvarchar(max)", u"date01 datetime", u"text01 ntext"}),
        table(u"selection"_s, 1,
              {u"selection_id int NOT NULL", u"name nvarchar(254) NOT NULL = ('')",
               u"dynamic bit NOT NULL = ((0))", u"tooltip nvarchar(254)", u"visibleFor smallint",
               u"target_table varchar(40)"}),
        table(u"email"_s, 6,
              {u"email_id int NOT NULL", u"contact_id int", u"person_id int", u"rank smallint",
               u"email_address nvarchar(254)", u"description nvarchar(254)",
               u"protocol varchar(40)", u"lastSent smalldatetime", u"bounceCount int"}),
        table(u"phone"_s, 6,
              {u"phone_id int NOT NULL", u"owner_id int", u"ptype_idx smallint", u"rank smallint",
               u"phone nvarchar(254)", u"search_phone varchar(254)", u"description nvarchar(254)"}),
        table(u"address"_s, 5,
              {u"address_id int NOT NULL", u"owner_id int", u"atype_idx smallint",
               u"address1 nvarchar(254)", u"address2 nvarchar(254)", u"zipcode nvarchar(10)",
               u"city nvarchar(254)", u"state nchar(2)", u"latitude decimal(9,6)",
               u"longitude decimal(9,6)"}),
        table(u"category"_s, 1,
              {u"category_id int NOT NULL", u"name nvarchar(254) NOT NULL = ('')", u"rank smallint",
               u"tooltip nvarchar(254)", u"deleted tinyint NOT NULL = ((0))"}),
        table(u"business"_s, 1,
              {u"business_id int NOT NULL", u"name nvarchar(254) NOT NULL = ('')", u"rank smallint",
               u"deleted tinyint NOT NULL = ((0))"}),
        table(u"country"_s, 1,
              {u"country_id int NOT NULL", u"name nvarchar(254)", u"currency_id int",
               u"englishName nvarchar(254)", u"twoLetterISOCountry nchar(2)",
               u"threeLetterISOCountry char(3)", u"imageDescription varchar(max)", u"flag image",
               u"domainName varchar(10)"}),
        table(u"currency"_s, 1,
              {u"currency_id int NOT NULL", u"name nvarchar(254)", u"rate decimal(38,10)",
               u"units smallmoney", u"rank smallint"}),
        table(u"ticket"_s, 4,
              {u"ticket_id int NOT NULL", u"title nvarchar(254)", u"created_at datetimeoffset(0)",
               u"closed_at datetime2(0)", u"status smallint", u"read_status tinyint",
               u"time_to_close bigint", u"body text"}),
        table(u"quote"_s, 2,
              {u"quote_id int NOT NULL", u"sale_id int", u"ext_guid uniqueidentifier NOT NULL",
               u"accepted_at datetime2(3)", u"total numeric(18,2)", u"signature varbinary(256)",
               u"notes text"}),
        table(u"usergrouplink"_s, 1,
              {u"usergroup_id int NOT NULL", u"associate_id int NOT NULL", u"assigned datetime",
               u"note varchar(max)"},
              {u"usergroup_id"_s, u"associate_id"_s}),
    };
}

} // namespace ms
