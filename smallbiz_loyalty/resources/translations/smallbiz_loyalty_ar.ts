<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ActionListsWidget</name>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>&amp;Mark handled…</source>
        <translation>&amp;تسجيل المتابعة…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>At risk ({count})</source>
        <translation>معرّضون للفقدان ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Birthday</source>
        <translation>عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Birthdays ({count})</source>
        <translation>أعياد الميلاد ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Comment</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Follow-up with {name} recorded.</source>
        <translation>سُجّلت المتابعة مع {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Follow-ups ({count})</source>
        <translation>متابعات ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>In {days} days</source>
        <translation>بعد {days} يوم</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Last visit</source>
        <translation>آخر زيارة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Score</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Spent</source>
        <translation>المبلغ المنفق</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Tomorrow</source>
        <translation>غدًا</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Top customers ({count})</source>
        <translation>أفضل العملاء ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Visits</source>
        <translation>الزيارات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>{when} — gift given</source>
        <translation>{when} — قُدّمت الهدية</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Change:</source>
        <translation>التعديل:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Programme:</source>
        <translation>البرنامج:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Quantity:</source>
        <translation>الكمية:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Reason:</source>
        <translation>السبب:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Adjust</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Adjust the balance of {name}</source>
        <translation>تعديل رصيد {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Balance corrected: {programme} is now {balance}.</source>
        <translation>تم تصحيح الرصيد: {programme} الآن {balance}.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Enter a whole number, such as 2.</source>
        <translation>أدخل عدداً صحيحاً، مثل 2.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Every correction is recorded with your name and the reason.</source>
        <translation>يُسجَّل كل تصحيح مع اسمك والسبب.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Take away</source>
        <translation>خصم</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>The shop has no loyalty programme to adjust.</source>
        <translation>لا يوجد في المتجر برنامج ولاء لتعديله.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>how many (or how much credit)</source>
        <translation>الكمية (أو مبلغ الرصيد)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>required, e.g. stamp forgotten on Monday</source>
        <translation>مطلوب، مثلاً: ختم نُسي يوم الاثنين</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py"/>
        <source>The picture could not be saved to {path}.</source>
        <translation>تعذّر حفظ الصورة في {path}.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>About</source>
        <translation>بخصوص</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Backup made</source>
        <translation>إنشاء نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Backup restored</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Balance corrected</source>
        <translation>تصحيح رصيد</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Customer edited</source>
        <translation>تعديل بيانات عميل</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Customer erased</source>
        <translation>حذف عميل</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Customer&apos;s data exported</source>
        <translation>تصدير بيانات عميل</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Customers imported</source>
        <translation>استيراد عملاء</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Customers merged</source>
        <translation>دمج عملاء</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Data exported</source>
        <translation>تصدير البيانات</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Fields</source>
        <translation>الحقول</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>PIN set</source>
        <translation>تعيين رمز سري</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Programme</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Programme changed</source>
        <translation>تعديل برنامج</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Programme created</source>
        <translation>إنشاء برنامج</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Redemption undone</source>
        <translation>إلغاء استبدال</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Reward added</source>
        <translation>إضافة مكافأة</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Reward changed</source>
        <translation>تعديل مكافأة</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Rows</source>
        <translation>الصفوف</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Sale voided</source>
        <translation>إلغاء عملية بيع</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Sale {id}</source>
        <translation>عملية البيع {id}</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Settings changed</source>
        <translation>تغيير الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Sign-in paused after wrong PINs</source>
        <translation>إيقاف تسجيل الدخول مؤقتًا بعد رموز سرية خاطئة</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Sign-in turned on</source>
        <translation>تشغيل تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Signed in</source>
        <translation>تسجيل دخول</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Staff member added</source>
        <translation>إضافة موظف</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Staff member deactivated</source>
        <translation>إيقاف حساب موظف</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Tier added</source>
        <translation>إضافة مستوى</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Tier changed</source>
        <translation>تعديل مستوى</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Voucher given by hand</source>
        <translation>منح قسيمة يدويًا</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Wait (seconds)</source>
        <translation>الانتظار (ثوانٍ)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>What</source>
        <translation>البيان</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Wrong PIN</source>
        <translation>رمز سري خاطئ</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Wrong PINs in a row</source>
        <translation>رموز خاطئة متتالية</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>cashier</source>
        <translation>أمين صندوق</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>owner</source>
        <translation>مالك</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>{name} (no. {id})</source>
        <translation>{name} (رقم {id})</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Every sensitive action, newest first: who did it and when.</source>
        <translation>كل العمليات الحساسة، الأحدث أولًا: من قام بها ومتى.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/audit_view.py"/>
        <source>Re&amp;fresh</source>
        <translation>تحديث</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../ui/safety/auto_backup.py"/>
        <source>Backing up the shop&apos;s data…</source>
        <translation>جارٍ النسخ الاحتياطي لبيانات المتجر…</translation>
    </message>
</context>
<context>
    <name>BackgroundCheck</name>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>Checking the shop&apos;s data in the background…</source>
        <translation>جارٍ فحص بيانات المتجر في الخلفية…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>The shop&apos;s data was checked: no problems found.</source>
        <translation>فُحصت بيانات المتجر: لم يُعثر على أي مشكلة.</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <location filename="../../ui/worker.py"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>&amp;Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>&amp;Check the shop&apos;s data now</source>
        <translation>فحص بيانات المتجر الآن</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>&amp;Restore the chosen backup…</source>
        <translation>استعادة النسخة الاحتياطية المختارة…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Backing up the shop&apos;s data…</source>
        <translation>جارٍ النسخ الاحتياطي لبيانات المتجر…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Backups go to {folder}.</source>
        <translation>تُحفظ النسخ الاحتياطية في {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Checked</source>
        <translation>نتيجة الفحص</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Checking the shop&apos;s data…</source>
        <translation>جارٍ فحص بيانات المتجر…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Damaged: do not use</source>
        <translation>تالفة: لا تستخدمها</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Good: can be restored</source>
        <translation>سليمة: يمكن استعادتها</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Made</source>
        <translation>تاريخ الإنشاء</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Replace the shop&apos;s data with the backup made {when}? Everything recorded since then is set aside in a copy of the current file, not lost.</source>
        <translation>هل تريد استبدال بيانات المتجر بالنسخة الاحتياطية المُنشأة في {when}؟ كل ما سُجّل بعد ذلك يُحفظ جانبًا في نسخة من الملف الحالي، ولن يضيع.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Restoring a backup…</source>
        <translation>جارٍ استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Restoring {name}…</source>
        <translation>جارٍ استعادة {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>That is beside the shop&apos;s file; choose a USB drive or a synced folder in Settings.</source>
        <translation>هذا المجلد في نفس مكان ملف المتجر؛ اختر ذاكرة USB أو مجلدًا متزامنًا في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>This shop has no backup folder.</source>
        <translation>لم يُحدَّد مجلد للنسخ الاحتياطي لهذا المتجر.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/backups_panel.py"/>
        <source>{size} MB</source>
        <translation>{size} ميغابايت</translation>
    </message>
</context>
<context>
    <name>BalanceSlip</name>
    <message>
        <location filename="../../ui/reports/slip.py"/>
        <source>Balance slip — {name}</source>
        <translation>إيصال الرصيد — {name}</translation>
    </message>
</context>
<context>
    <name>CataloguePanel</name>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source> days</source>
        <translation> يوم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>&amp;Add reward</source>
        <translation>&amp;إضافة مكافأة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Active</source>
        <translation>فعّال</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Add tier</source>
        <translation>إضافة مستوى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Cost</source>
        <translation>التكلفة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Earn multiplier</source>
        <translation>مضاعف الكسب</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Earns</source>
        <translation>يكسب</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>From spend</source>
        <translation>ابتداءً من إنفاق</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Gives</source>
        <translation>يمنح</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Most money off</source>
        <translation>أقصى خصم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Offered</source>
        <translation>متاحة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Qualifying spend</source>
        <translation>الإنفاق المؤهل</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Retired</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Reward</source>
        <translation>المكافأة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Reward name</source>
        <translation>اسم المكافأة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Rewards</source>
        <translation>المكافآت</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Save &amp;reward</source>
        <translation>حفظ الم&amp;كافأة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Save tier</source>
        <translation>حفظ المستوى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Tier</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Tier name</source>
        <translation>اسم المستوى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Tiers (from spend over the last 12 months)</source>
        <translation>المستويات (حسب الإنفاق في آخر 12 شهرًا)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Type the percent off as a whole number, for example 20.</source>
        <translation>اكتب نسبة الخصم عددًا صحيحًا، مثلًا 20.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Voucher valid for</source>
        <translation>صلاحية القسيمة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>Withdrawn</source>
        <translation>مسحوبة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>amount, e.g. 1.500</source>
        <translation>مبلغ، مثلًا 1.500</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>no limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>percent, e.g. 20</source>
        <translation>نسبة، مثلًا 20</translation>
    </message>
    <message>
        <location filename="../../ui/settings/catalogue_panel.py"/>
        <source>{name} saved.</source>
        <translation>حُفظ {name}.</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Ask for a score after each sale</source>
        <translation>اطلب تقييمًا بعد كل عملية بيع</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Customer score screen (Ctrl+K)</source>
        <translation>شاشة تقييم العميل (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Find a customer first.</source>
        <translation>ابحث عن العميل أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>New customer (Ctrl+N)</source>
        <translation>عميل جديد (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>No reward is ready for {name}.</source>
        <translation>لا توجد مكافأة جاهزة للعميل {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Print balance slip (Ctrl+P)</source>
        <translation>طباعة إيصال الرصيد (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Sale of {amount} recorded.</source>
        <translation>سُجّل بيع بقيمة {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Sale undone.</source>
        <translation>أُلغيت عملية البيع.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Score {score} recorded. Thank you!</source>
        <translation>سُجّل التقييم {score}. شكرًا لك!</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>There is nothing to undo.</source>
        <translation>لا يوجد ما يمكن التراجع عنه.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>This sale was already recorded; nothing was added.</source>
        <translation>سُجّلت عملية البيع هذه من قبل؛ لم يُضف شيء.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>تراجع (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Undo sale of {amount} (Ctrl+Z)</source>
        <translation>تراجع عن بيع بقيمة {amount} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Undo {reward} for {name} (Ctrl+Z)</source>
        <translation>تراجع عن {reward} للعميل {name} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Undone at the counter</source>
        <translation>أُلغيت عند الكاشير</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Voucher {code} used.</source>
        <translation>استُخدمت القسيمة {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/page.py"/>
        <source>Walk-in sale of {amount} recorded.</source>
        <translation>سُجّل بيع لعميل عابر بقيمة {amount}</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Birthday on {date}</source>
        <translation>عيد الميلاد في {date}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Birthday today!</source>
        <translation>عيد الميلاد اليوم!</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Birthday tomorrow</source>
        <translation>عيد الميلاد غدًا</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Card {code}</source>
        <translation>البطاقة {code}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Find a customer, or record a walk-in sale.</source>
        <translation>ابحث عن عميل، أو سجّل بيعًا لعميل عابر.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>No customer</source>
        <translation>لا يوجد عميل</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>No tier yet</source>
        <translation>لا مستوى بعد</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Redeem</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Redeem (F9)</source>
        <translation>استبدال (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Reward ready: {reward}</source>
        <translation>مكافأة جاهزة: {reward}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Tier: {tier}</source>
        <translation>المستوى: {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Top tier</source>
        <translation>أعلى مستوى</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>Use voucher</source>
        <translation>استخدام القسيمة</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>{amount} to {tier}</source>
        <translation>يتبقى {amount} للوصول إلى {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>{quantity} expire on {date}</source>
        <translation>تنتهي صلاحية {quantity} في {date}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/customer_panel.py"/>
        <source>{quantity} more for {reward}</source>
        <translation>يتبقى {quantity} للحصول على {reward}</translation>
    </message>
</context>
<context>
    <name>CustomerSearchWidget</name>
    <message>
        <location filename="../../ui/counter/search.py"/>
        <source>Enrol as a new customer (Ctrl+N)</source>
        <translation>تسجيل عميل جديد (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/search.py"/>
        <source>No customer matches &quot;{text}&quot;.</source>
        <translation>لا يوجد عميل يطابق «{text}».</translation>
    </message>
    <message>
        <location filename="../../ui/counter/search.py"/>
        <source>Phone digits, name or card code</source>
        <translation>أرقام الهاتف أو الاسم أو رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/counter/search.py"/>
        <source>Press Enter to serve this customer.</source>
        <translation>اضغط Enter لخدمة هذا العميل.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/search.py"/>
        <source>{count} customers match: Up/Down to choose, Enter to serve.</source>
        <translation>عملاء مطابقون: {count}. الأسهم للاختيار، وEnter للخدمة.</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>&amp;Find a customer:</source>
        <translation>ابحث عن عميل:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>Customers: {count}</source>
        <translation>العملاء: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>Matches: {count}</source>
        <translation>النتائج: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>No customer matches &quot;{text}&quot;.</source>
        <translation>لا يوجد عميل يطابق «{text}».</translation>
    </message>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>No customers yet.</source>
        <translation>لا يوجد عملاء بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>Phone digits, name or card code</source>
        <translation>أرقام الهاتف أو الاسم أو رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/page.py"/>
        <source>Showing the first {count} matches; type more to narrow the search.</source>
        <translation>تُعرض أول {count} نتيجة؛ اكتب المزيد لتضييق البحث.</translation>
    </message>
</context>
<context>
    <name>CustomersTableModel</name>
    <message>
        <location filename="../../ui/customers_model.py"/>
        <source>Birthday</source>
        <translation>عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/customers_model.py"/>
        <source>Card</source>
        <translation>البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/customers_model.py"/>
        <source>Customer since</source>
        <translation>عميل منذ</translation>
    </message>
    <message>
        <location filename="../../ui/customers_model.py"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/customers_model.py"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Customers</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Customers by segment (RFM, last 12 months)</source>
        <translation>العملاء حسب الشريحة (RFM، آخر 12 شهرًا)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>NPS (−100 to 100)</source>
        <translation>NPS (من −100 إلى 100)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Net Promoter Score, month by month</source>
        <translation>صافي نقاط المروجين شهرا بشهر</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>New</source>
        <translation>الجدد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>New and returning customers, month by month</source>
        <translation>العملاء الجدد والعائدون شهرًا بشهر</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Returning</source>
        <translation>العائدون</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Revenue ({currency})</source>
        <translation>الإيرادات ({currency})</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Sales and visits, week by week</source>
        <translation>المبيعات والزيارات أسبوعًا بأسبوع</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py"/>
        <source>Visits</source>
        <translation>الزيارات</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>&amp;Next month {arrow}</source>
        <translation>الشهر ال&amp;تالي {arrow}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>&amp;This month</source>
        <translation>ه&amp;ذا الشهر</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>Lists to act on as of {day}.</source>
        <translation>قوائم المتابعة بتاريخ {day}.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>Loading the dashboard…</source>
        <translation>جارٍ تحميل لوحة المعلومات…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>This month so far, through {day}.</source>
        <translation>هذا الشهر حتى الآن، حتى {day}.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py"/>
        <source>{arrow} &amp;Previous month</source>
        <translation>{arrow} الشهر ال&amp;سابق</translation>
    </message>
</context>
<context>
    <name>DataSafetyDialog</name>
    <message>
        <location filename="../../ui/safety/dialog.py"/>
        <source>Audit log</source>
        <translation>سجل العمليات</translation>
    </message>
    <message>
        <location filename="../../ui/safety/dialog.py"/>
        <source>Backups &amp;&amp; checks</source>
        <translation>النسخ الاحتياطية والفحص</translation>
    </message>
    <message>
        <location filename="../../ui/safety/dialog.py"/>
        <source>Data &amp; safety</source>
        <translation>البيانات والأمان</translation>
    </message>
    <message>
        <location filename="../../ui/safety/dialog.py"/>
        <source>Staff &amp;&amp; PINs</source>
        <translation>الموظفون والرموز السرية</translation>
    </message>
</context>
<context>
    <name>EditCustomerDialog</name>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Birthday:</source>
        <translation>&amp;عيد الميلاد:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Name:</source>
        <translation>&amp;الاسم:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>&amp;Phone:</source>
        <translation>&amp;الهاتف:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>E&amp;mail:</source>
        <translation>البريد الإلكتروني:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>Edit {name}</source>
        <translation>تعديل {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>N&amp;otes:</source>
        <translation>ملاحظات:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>month-day, such as 03-21</source>
        <translation>الشهر-اليوم، مثل 03-21</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py"/>
        <source>{name} was saved.</source>
        <translation>تم حفظ {name}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py"/>
        <source>Problem</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py"/>
        <source>Something went wrong that should not have. Nothing was changed; please try again.</source>
        <translation>حدث خطأ غير متوقع، ولم يتغير أي شيء؛ يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py"/>
        <source>The shop could not be opened from {path}.
{reason}</source>
        <translation>تعذّر فتح بيانات المتجر من {path}.
{reason}</translation>
    </message>
</context>
<context>
    <name>FileTask</name>
    <message>
        <location filename="../../ui/safety/file_task.py"/>
        <source>Something went wrong that should not have. Nothing was changed; please try again.</source>
        <translation>حدث خطأ غير متوقع، ولم يتغير أي شيء؛ يُرجى المحاولة مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>HandledDialog</name>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>For example: called her, offered a free coffee</source>
        <translation>مثلًا: اتصلنا بها وقدّمنا قهوة مجانية</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>Mark handled</source>
        <translation>تسجيل المتابعة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/lists.py"/>
        <source>{name} answered {score} out of 10. What was done?</source>
        <translation>أجاب {name} بـ {score} من 10. ماذا فُعل؟</translation>
    </message>
</context>
<context>
    <name>HealthBar</name>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>Hide</source>
        <translation>إخفاء</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>Restore a backup… ({key})</source>
        <translation>استعادة نسخة احتياطية… ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>The check found damage in the shop&apos;s data file</source>
        <translation>وجد الفحص تلفًا في ملف بيانات المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>The check found problems in the shop&apos;s data</source>
        <translation>وجد الفحص مشكلات في بيانات المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>The shop&apos;s data could not be checked</source>
        <translation>تعذّر فحص بيانات المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_bar.py"/>
        <source>You can keep serving customers. The owner can restore the newest good backup in Data &amp; safety ({key}); sales recorded after that backup are not in it.</source>
        <translation>يمكنك مواصلة خدمة الزبائن. يستطيع المالك استعادة أحدث نسخة احتياطية سليمة من «البيانات والأمان» ({key})؛ المبيعات المسجّلة بعد تلك النسخة ليست فيها.</translation>
    </message>
</context>
<context>
    <name>HealthScreen</name>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>&amp;Choose a backup file…</source>
        <translation>اختيار ملف نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>&amp;Open anyway</source>
        <translation>فتح على أي حال</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>&amp;Restore the newest backup</source>
        <translation>استعادة أحدث نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>Backups (*.sqlite3 *.db *.bak);;All files (*)</source>
        <translation>النسخ الاحتياطية (*.sqlite3 *.db *.bak);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>Choose a backup to restore</source>
        <translation>اختر نسخة احتياطية لاستعادتها</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>Install the newest version of smallbiz-loyalty, then open the shop again.</source>
        <translation>ثبّت أحدث إصدار من smallbiz-loyalty، ثم افتح المتجر مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>Restoring puts the backup in place of this file, which is kept aside, not deleted. Sales recorded after the backup was made are not in it.</source>
        <translation>الاستعادة تضع النسخة الاحتياطية مكان هذا الملف، ويُحفظ الملف جانبًا ولا يُحذف. المبيعات المسجّلة بعد إنشاء النسخة الاحتياطية غير موجودة فيها.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>Restoring {name}…</source>
        <translation>جارٍ استعادة {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>The file itself is sound; only the shop&apos;s own checks found problems.</source>
        <translation>الملف نفسه سليم؛ لكن فحوص المتجر الخاصة وجدت مشكلات.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>The file was not changed; it opens again with the newer version.</source>
        <translation>لم يتغير الملف؛ ويمكن فتحه مجددًا بالإصدار الأحدث.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>The shop&apos;s data file is damaged</source>
        <translation>ملف بيانات المتجر تالف</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>The shop&apos;s data needs attention</source>
        <translation>بيانات المتجر تحتاج إلى مراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>This shop was saved by a newer version of the app</source>
        <translation>حُفظ هذا المتجر بإصدار أحدث من البرنامج</translation>
    </message>
    <message>
        <location filename="../../ui/safety/health_screen.py"/>
        <source>smallbiz-loyalty — the shop&apos;s data needs attention</source>
        <translation>smallbiz-loyalty — بيانات المتجر تحتاج إلى مراجعة</translation>
    </message>
</context>
<context>
    <name>HistoryTabs</name>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Birthday gift</source>
        <translation>هدية عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Comment</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Corrected by hand</source>
        <translation>تصحيح يدوي</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Earned</source>
        <translation>مكتسبة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Expires</source>
        <translation>تنتهي في</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Feedback</source>
        <translation>تعليقات العملاء</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Gift</source>
        <translation>الهدية</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Merged</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>No end date</source>
        <translation>بلا تاريخ انتهاء</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Not used yet</source>
        <translation>لم تُستخدم بعد</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Opening balance</source>
        <translation>رصيد افتتاحي</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Points &amp;&amp; stamps</source>
        <translation>النقاط والأختام</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Programme</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Redeemed</source>
        <translation>مستبدلة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Referral bonus</source>
        <translation>مكافأة إحالة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Return</source>
        <translation>مرتجع</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Sale</source>
        <translation>بيع</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Sales</source>
        <translation>المبيعات</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Score</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Taken back</source>
        <translation>مستردة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Used</source>
        <translation>مستخدمة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Valid until</source>
        <translation>صالحة حتى</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>Vouchers</source>
        <translation>القسائم</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>What</source>
        <translation>البيان</translation>
    </message>
    <message>
        <location filename="../../ui/customers/history.py"/>
        <source>{kind} (cancelled)</source>
        <translation>{kind} (ملغى)</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/safety/idle_lock.py"/>
        <source>A backup was restored. Sign in again to go on.</source>
        <translation>استُعيدت نسخة احتياطية. سجّل الدخول مجددًا للمتابعة.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/idle_lock.py"/>
        <source>Enter a PIN to go on.</source>
        <translation>أدخل الرمز السري للمتابعة.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/idle_lock.py"/>
        <source>Locked after {minutes} min without use. Enter a PIN to go on.</source>
        <translation>قُفل البرنامج لعدم استخدامه (المدة بالدقائق: {minutes}). أدخل الرمز السري للمتابعة.</translation>
    </message>
</context>
<context>
    <name>KpiTileWidget</name>
    <message>
        <location filename="../../ui/dashboard/tiles.py"/>
        <source>{month}: {value}</source>
        <translation>{month}: {value}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Find a customer:</source>
        <translation type="obsolete">ابحث عن عميل:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Backups, checks, the audit log and staff PINs ({key})</source>
        <translation>النسخ الاحتياطية والفحص وسجل العمليات والرموز السرية للموظفين ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Cashier</source>
        <translation>كاشير</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Counter</source>
        <translation>نقطة البيع</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Customers</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <source>Customers: {count}</source>
        <translation type="obsolete">العملاء: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Dashboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Data &amp; safety…</source>
        <translation>البيانات والأمان…</translation>
    </message>
    <message>
        <source>Matches: {count}</source>
        <translation type="obsolete">النتائج: {count}</translation>
    </message>
    <message>
        <source>No customer matches &quot;{text}&quot;.</source>
        <translation type="obsolete">لا يوجد عميل يطابق «{text}».</translation>
    </message>
    <message>
        <source>No customers yet.</source>
        <translation type="obsolete">لا يوجد عملاء بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <source>Phone digits, name or card code</source>
        <translation type="obsolete">أرقام الهاتف أو الاسم أو رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Showing the first {count} matches; type more to narrow the search.</source>
        <translation type="obsolete">تُعرض أول {count} نتيجة؛ اكتب المزيد لتضييق البحث.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>{screen} (F{number} or Ctrl+{number})</source>
        <translation>{screen} (F{number} أو Ctrl+{number})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>{shop} · Signed in: unknown staff member</source>
        <translation>{shop} · المستخدم: موظف غير معروف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>{shop} · Signed in: {name}</source>
        <translation>{shop} · المستخدم: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>{shop} · Signed in: {name} ({role})</source>
        <translation>{shop} · المستخدم: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>{shop} — Customer loyalty</source>
        <translation>{shop} — ولاء العملاء</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Card {code}</source>
        <translation>البطاقة {code}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Choose the duplicate in the list.</source>
        <translation>اختر العميل المكرر من القائمة.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Choose the duplicate to merge first.</source>
        <translation>اختر العميل المكرر المراد دمجه أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Find another customer: phone digits or name</source>
        <translation>ابحث عن عميل آخر: أرقام الهاتف أو الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Keep</source>
        <translation>يُبقى</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Merge a duplicate into {name}</source>
        <translation>دمج عميل مكرر في {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Merge into it, then remove</source>
        <translation>يُدمج فيه ثم يُزال</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Merge {other} into {keep}</source>
        <translation>دمج {other} في {keep}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>No likely duplicate found; search for the customer above.</source>
        <translation>لم يُعثر على مكرر محتمل؛ ابحث عن العميل في الأعلى.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Possible duplicates (same phone number or a very similar name):</source>
        <translation>مكررون محتملون (نفس رقم الهاتف أو اسم مشابه جداً):</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>Vouchers to use: {count}</source>
        <translation>قسائم متاحة: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>{other}’s sales, stamps, points and vouchers will move to {keep}, and {other} will no longer be listed. This cannot be undone.</source>
        <translation>ستنتقل مبيعات {other} وأختامه ونقاطه وقسائمه إلى {keep}، ولن يظهر {other} في القائمة بعد ذلك. لا يمكن التراجع عن هذا.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/merge.py"/>
        <source>{programme}: {balance}</source>
        <translation>{programme}: {balance}</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>Message to {name} (you can still change it):</source>
        <translation>الرسالة إلى {name} (يمكنك تعديلها):</translation>
    </message>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>Message {name}</source>
        <translation>مراسلة {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>No program on this PC could open the WhatsApp link.</source>
        <translation>لا يوجد برنامج على هذا الحاسوب يستطيع فتح رابط واتساب.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>Open WhatsApp</source>
        <translation>فتح واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>Save as the shop’s template</source>
        <translation>حفظ كقالب المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>Template — these are filled in for each customer: {placeholders}</source>
        <translation>القالب — تُملأ هذه لكل عميل: {placeholders}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/message.py"/>
        <source>This version cannot save the template yet.</source>
        <translation>لا يستطيع هذا الإصدار حفظ القالب بعد.</translation>
    </message>
</context>
<context>
    <name>NoteTextEditor</name>
    <message>
        <location filename="../../ui/reports/note_text.py"/>
        <source>&amp;{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/note_text.py"/>
        <source>Placeholders (click to insert): {links}</source>
        <translation>العناصر البديلة (انقر للإدراج): {links}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/note_text.py"/>
        <source>Save this text</source>
        <translation>حفظ هذا النص</translation>
    </message>
    <message>
        <location filename="../../ui/reports/note_text.py"/>
        <source>Saved. Printed notes use this text from now on.</source>
        <translation>حُفظ النص. ستستخدمه الرسائل المطبوعة من الآن فصاعدًا.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/note_text.py"/>
        <source>The built-in text is used again.</source>
        <translation>عاد البرنامج إلى استخدام النص الأصلي.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/note_text.py"/>
        <source>Use the built-in text</source>
        <translation>استخدام النص الأصلي</translation>
    </message>
</context>
<context>
    <name>NpsKioskWindow</name>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>0 = not at all likely · 10 = extremely likely</source>
        <translation>0 = غير محتمل إطلاقًا · 10 = محتمل جدًا</translation>
    </message>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>How likely are you to recommend us to a friend?</source>
        <translation>ما مدى احتمال أن توصي بنا لصديق؟</translation>
    </message>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>Thank you! Your answer helps us do better.</source>
        <translation>شكرًا لك! إجابتك تساعدنا على التحسّن.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>{shop} — your opinion</source>
        <translation>{shop} — رأيك</translation>
    </message>
</context>
<context>
    <name>NpsStrip</name>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>How likely are you to recommend us to a friend?</source>
        <translation>ما مدى احتمال أن توصي بنا لصديق؟</translation>
    </message>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>Keys 0–9 (1 then 0 for 10) · Esc skips</source>
        <translation>المفاتيح 0–9 (1 ثم 0 للعشرة) · Esc للتخطي</translation>
    </message>
    <message>
        <location filename="../../ui/counter/nps.py"/>
        <source>Skip (Esc)</source>
        <translation>تخطٍّ (Esc)</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>&amp;Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>&amp;Save as…</source>
        <translation>حفظ باسم…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>1 page</source>
        <translation>صفحة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>1 page sent to the printer.</source>
        <translation>أُرسلت صفحة واحدة إلى الطابعة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Actual size</source>
        <translation>الحجم الفعلي</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Fit width</source>
        <translation>ملاءمة العرض</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Print the pages (Ctrl+P)</source>
        <translation>طباعة الصفحات (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Save the PDF</source>
        <translation>حفظ ملف PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Save the PDF to a file (Ctrl+S)</source>
        <translation>حفظ PDF في ملف (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Saved to {path}.</source>
        <translation>حُفظ في {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>The PDF could not be saved to {path}: {reason}.</source>
        <translation>تعذّر حفظ ملف PDF في {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>The preview could not be opened ({error}).</source>
        <translation>تعذّر فتح المعاينة ({error}).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>The printer could not be started; check that it is on and try again.</source>
        <translation>تعذّر تشغيل الطابعة؛ تأكد من أنها قيد التشغيل وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Whole page</source>
        <translation>الصفحة كاملة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>{count} pages</source>
        <translation>عدد الصفحات: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>{count} pages sent to the printer.</source>
        <translation>أُرسلت الصفحات إلى الطابعة (العدد: {count}).</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/reports/preview.py"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>PendingPage</name>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>The {screen} screen is not part of this version yet.</source>
        <translation>شاشة {screen} ليست جزءاً من هذا الإصدار بعد.</translation>
    </message>
</context>
<context>
    <name>PinForm</name>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>&amp;Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Cashier</source>
        <translation>كاشير</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Who are you?</source>
        <translation>من أنت؟</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Your PIN:</source>
        <translation>رمزك السري:</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
</context>
<context>
    <name>PrintChoices</name>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>&amp;Document:</source>
        <translation>المستند:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>&amp;For:</source>
        <translation>المستلمون:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>&amp;Paper:</source>
        <translation>الورق:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>1 folded card per sheet</source>
        <translation>بطاقة مطوية واحدة في كل ورقة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>4 cards per sheet (A6, with cut marks)</source>
        <translation>4 بطاقات في كل ورقة (A6، مع علامات القص)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>A birthday card with the gift and its QR code. Print them ahead: choose next month. Only customers who accept printed notes get one.</source>
        <translation>بطاقة عيد ميلاد مع الهدية ورمز QR الخاص بها. اطبعها مسبقًا: اختر الشهر القادم. لا تُطبع إلا للعملاء الموافقين على تلقي الرسائل المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>A friendly note for regulars who have not come back lately, with what is waiting for them. Only customers who accept printed notes get one.</source>
        <translation>رسالة ودّية للعملاء الدائمين الذين لم يعودوا مؤخرًا، مع ما ينتظرهم لدينا. لا تُطبع إلا للعملاء الموافقين على تلقي الرسائل المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>A personal thank-you for each first-time customer, with their balance and next reward. Only customers who accept printed notes get one.</source>
        <translation>رسالة شكر شخصية لكل عميل يشتري لأول مرة، مع رصيده ومكافأته التالية. لا تُطبع إلا للعملاء الموافقين على تلقي الرسائل المطبوعة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>All customers</source>
        <translation>كل العملاء</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Birthday cards</source>
        <translation>بطاقات أعياد الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Customers with a birthday in {month}</source>
        <translation>العملاء الذين يحلّ عيد ميلادهم في {month}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>First-time customers of {month}</source>
        <translation>العملاء الذين اشتروا لأول مرة في {month}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>For you, the owner: the month&apos;s figures beside the month before, in plain words and charts, with the customers to call, thank or celebrate.</source>
        <translation>لك بصفتك المالك: أرقام الشهر مقارنةً بالشهر السابق، بكلمات واضحة ورسوم بيانية، مع العملاء الذين يحسن الاتصال بهم أو شكرهم أو الاحتفال بهم.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>La&amp;yout:</source>
        <translation>التخطيط:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Loyalty cards</source>
        <translation>بطاقات الولاء</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Loyalty cards the size of a bank card, 10 to a sheet, with the card code as a QR code.</source>
        <translation>بطاقات ولاء بحجم البطاقة المصرفية، 10 في كل ورقة، ورمز البطاقة مطبوع على شكل رمز QR.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Monthly report</source>
        <translation>التقرير الشهري</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Only {name}</source>
        <translation>{name} فقط</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Regulars who have not come back lately</source>
        <translation>العملاء الدائمون الذين لم يعودوا مؤخرًا</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>Thank-you notes</source>
        <translation>رسائل الشكر</translation>
    </message>
    <message>
        <location filename="../../ui/reports/print_panel.py"/>
        <source>“We miss you” notes</source>
        <translation>رسائل «اشتقنا إليك»</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>&amp;Adjust balance…</source>
        <translation>تعديل الرصيد…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>&amp;Choose…</source>
        <translation>&amp;اختيار…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>&amp;Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>&amp;Message…</source>
        <translation>رسالة…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>&amp;Save changes</source>
        <translation>&amp;حفظ التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>&amp;Undo changes</source>
        <translation>&amp;تراجع عن التغييرات</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Agrees to receive messages (WhatsApp, offers)</source>
        <translation>يوافق على تلقي الرسائل (واتساب، عروض)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Agrees to receive printed notes and cards</source>
        <translation>يوافق على تلقي الرسائل والبطاقات المطبوعة</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="obsolete">مجلد النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Backups and safety</source>
        <translation>النسخ الاحتياطية والأمان</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Birthday this week 🎂</source>
        <translation>عيد ميلاده هذا الأسبوع 🎂</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Birthday {date}</source>
        <translation>عيد الميلاد {date}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Card {code}</source>
        <translation>البطاقة {code}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Choose a customer in the list to see their profile.</source>
        <translation>اختر عميلاً من القائمة لعرض ملفه.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Customer since {date}</source>
        <translation>عميل منذ {date}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Figures and lists</source>
        <translation>الأرقام والقوائم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Loyalty rules</source>
        <translation>قواعد الولاء</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Mer&amp;ge duplicates…</source>
        <translation>دمج المكررين…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Messages and printed notes</source>
        <translation>الرسائل والملاحظات المطبوعة</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Notes: {notes}</source>
        <translation>ملاحظات: {notes}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Nothing to save: no setting was changed.</source>
        <translation>لا شيء للحفظ: لم يتغير أي إعداد.</translation>
    </message>
    <message>
        <source>Only the owner can do this.</source>
        <translation type="obsolete">هذا الإجراء للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Open a WhatsApp chat with a personal message</source>
        <translation>فتح محادثة واتساب برسالة شخصية</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Refuse the return until the balance allows it</source>
        <translation>رفض الإرجاع حتى يسمح الرصيد</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Reward ready: {rewards}</source>
        <translation>مكافأة جاهزة: {rewards}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Settings saved.</source>
        <translation>حُفظت الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Shop profile</source>
        <translation>ملف المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Spend {amount} more to reach {tier}</source>
        <translation>أنفق {amount} إضافية للوصول إلى {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Take back what is left; the balance stops at zero</source>
        <translation>استرجاع ما تبقّى؛ يتوقف الرصيد عند الصفر</translation>
    </message>
    <message>
        <location filename="../../ui/settings/profile_panel.py"/>
        <source>Take it all back, even below zero</source>
        <translation>استرجاع الكل ولو نزل الرصيد تحت الصفر</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>Vouchers to use: {count}</source>
        <translation>قسائم متاحة: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>{line} — {tier}</source>
        <translation>{line} — {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>{programme}: {balance}</source>
        <translation>{programme}: {balance}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/profile.py"/>
        <source>{quantity} more for {reward}</source>
        <translation>يتبقى {quantity} للحصول على {reward}</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source> days</source>
        <translation> يوم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>&amp;New programme</source>
        <translation>برنامج &amp;جديد</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Active</source>
        <translation>فعّال</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Birthday gift</source>
        <translation>هدية عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Bonus for the new customer</source>
        <translation>مكافأة العميل الجديد</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Bonus for the referrer</source>
        <translation>مكافأة صاحب الإحالة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Cashback</source>
        <translation>استرداد نقدي</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Category rules
(one a line: Pastry = 200)</source>
        <translation>قواعد الفئات
(قاعدة في كل سطر: معجنات = 200)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Line {line} of the category rules: write a category, &quot;=&quot; and a percent, for example &quot;Pastry = 200&quot;.</source>
        <translation>السطر {line} من قواعد الفئات: اكتب الفئة ثم &quot;=&quot; ثم النسبة، مثلًا &quot;معجنات = 200&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>No voucher</source>
        <translation>بلا قسيمة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Paused</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Per amount spent</source>
        <translation>حسب المبلغ المنفق</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Per visit</source>
        <translation>لكل زيارة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Programme</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Programme {name} saved.</source>
        <translation>حُفظ البرنامج {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Save &amp;programme</source>
        <translation>حفظ ال&amp;برنامج</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Units expire</source>
        <translation>انتهاء صلاحية الوحدات</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Value of one unit</source>
        <translation>قيمة الوحدة الواحدة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>Voucher: {reward}</source>
        <translation>قسيمة: {reward}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>for every</source>
        <translation>لكل</translation>
    </message>
    <message>
        <location filename="../../ui/settings/programme_panel.py"/>
        <source>when the sale is at least</source>
        <translation>عندما لا يقل البيع عن</translation>
    </message>
</context>
<context>
    <name>PunchCardWidget</name>
    <message>
        <location filename="../../ui/counter/punch_card.py"/>
        <source>{stamps} of {size} stamps</source>
        <translation>{stamps} من {size} أختام</translation>
    </message>
</context>
<context>
    <name>QuickEnrolDialog</name>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>&amp;Birthday:</source>
        <translation>&amp;عيد الميلاد:</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>&amp;Name:</source>
        <translation>&amp;الاسم:</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>&amp;Phone:</source>
        <translation>&amp;الهاتف:</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>&amp;Referred by:</source>
        <translation>&amp;بإحالة من:</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>Agrees to receive offers and messages</source>
        <translation>يوافق على تلقي العروض والرسائل</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>Agrees to receive printed thank-you notes and cards</source>
        <translation>يوافق على تلقي رسائل الشكر والبطاقات المطبوعة</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>DD/MM, e.g. 21/03 (optional)</source>
        <translation>يوم/شهر، مثل 21/03 (اختياري)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>New customer</source>
        <translation>عميل جديد</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>Nobody matches the referrer you typed; correct it or clear the field.</source>
        <translation>لا يوجد عميل يطابق من كتبته في خانة الإحالة؛ صحّحه أو امسح الخانة.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>Phone digits or name (optional)</source>
        <translation>أرقام الهاتف أو الاسم (اختياري)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>Serve that customer instead</source>
        <translation>خدمة ذلك العميل بدلًا من ذلك</translation>
    </message>
    <message>
        <location filename="../../ui/counter/enrol_dialog.py"/>
        <source>e.g. 5000 1234</source>
        <translation>مثل 5000 1234</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>&amp;Generate (Ctrl+G)</source>
        <translation>إنشاء (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>&amp;Month:</source>
        <translation>الشهر:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>1 loyalty card</source>
        <translation>بطاقة ولاء واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>1 note</source>
        <translation>رسالة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>1 page</source>
        <translation>صفحة واحدة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>1 row written to {path}.</source>
        <translation>كُتب صف واحد في {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Choose a document and press Generate: the pages appear here, ready to print or save.</source>
        <translation>اختر مستندًا واضغط «إنشاء»: تظهر الصفحات هنا جاهزة للطباعة أو الحفظ.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Customers…</source>
        <translation>العملاء…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Export to CSV</source>
        <translation>تصدير إلى CSV</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Export to a spreadsheet (CSV)</source>
        <translation>تصدير إلى جدول بيانات (CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Feedback…</source>
        <translation>تعليقات العملاء…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Generating…</source>
        <translation>جارٍ الإنشاء…</translation>
    </message>
    <message>
        <source>Loyalty cards…</source>
        <translation type="obsolete">بطاقات الولاء…</translation>
    </message>
    <message>
        <source>Monthly report…</source>
        <translation type="obsolete">التقرير الشهري…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Points &amp;&amp; stamps…</source>
        <translation>النقاط والأختام…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>Printing arrives with the next update; the CSV exports below work now.</source>
        <translation type="obsolete">تأتي الطباعة مع التحديث القادم؛ أما التصدير إلى CSV أدناه فيعمل الآن.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>Sales…</source>
        <translation>المبيعات…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>The monthly report for {month} is ready: {pages}.</source>
        <translation>تقرير شهر {month} جاهز ({pages}).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>{count} loyalty cards</source>
        <translation>عدد بطاقات الولاء: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>{count} notes</source>
        <translation>عدد الرسائل: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>{count} pages</source>
        <translation>عدد الصفحات: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>{count} rows written to {path}.</source>
        <translation>عدد الصفوف المكتوبة في {path}: {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>{month}: {sales} sales worth {revenue}; {buyers} customers bought, {new} of them for the first time.</source>
        <translation>{month}: {sales} عملية بيع بقيمة {revenue}؛ اشترى {buyers} عميلاً، منهم {new} لأول مرة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/page.py"/>
        <source>{what} on {pages}, ready to print or save.</source>
        <translation>{what} ({pages}). يمكنك الطباعة أو الحفظ الآن.</translation>
    </message>
</context>
<context>
    <name>SaleEntryWidget</name>
    <message>
        <location filename="../../ui/counter/sale_entry.py"/>
        <source>Alt+1 … Alt+8 choose a category.</source>
        <translation>Alt+1 … Alt+8 لاختيار الصنف.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_entry.py"/>
        <source>Amount, e.g. 1.250</source>
        <translation>المبلغ، مثل 1.250</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_entry.py"/>
        <source>No customer is chosen: press F8 for a walk-in sale, or find the customer first.</source>
        <translation>لم يُختر عميل: اضغط F8 لبيع لعميل عابر، أو ابحث عن العميل أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_entry.py"/>
        <source>Record sale (Enter)</source>
        <translation>تسجيل البيع (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_entry.py"/>
        <source>Sale amount ({currency})</source>
        <translation>مبلغ البيع ({currency})</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_entry.py"/>
        <source>Walk-in sale (F8)</source>
        <translation>بيع لعميل عابر (F8)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source> points</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source> stamps</source>
        <translation> ختم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>After a number of days</source>
        <translation>بعد عدد من الأيام</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>At the end of the month</source>
        <translation>في نهاية الشهر</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>At the end of the year</source>
        <translation>في نهاية السنة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Free item</source>
        <translation>منتج مجاني</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Money off</source>
        <translation>خصم مبلغ</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Percent off</source>
        <translation>خصم نسبة مئوية</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Points</source>
        <translation>النقاط</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Stamps</source>
        <translation>الأختام</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Store credit (cashback)</source>
        <translation>رصيد في المتجر (استرداد نقدي)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py"/>
        <source>Voucher for money off</source>
        <translation>قسيمة خصم مبلغ</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings/page.py"/>
        <source>&amp;Programmes and rewards</source>
        <translation>&amp;البرامج والمكافآت</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py"/>
        <source>&amp;Shop</source>
        <translation>&amp;المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py"/>
        <source>S&amp;taff</source>
        <translation>ال&amp;موظفون</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py"/>
        <source>Switch &amp;now</source>
        <translation>التبديل ال&amp;آن</translation>
    </message>
    <message>
        <location filename="../../ui/settings/page.py"/>
        <source>The shop&apos;s language is now {language}. Switch the window now, or it applies at the next start.</source>
        <translation>لغة المتجر الآن {language}. بدّل لغة النافذة الآن، أو تُطبَّق عند التشغيل التالي.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Sign in to open the shop.</source>
        <translation>سجّل الدخول لفتح المتجر.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/sign_in.py"/>
        <source>Sign in — {shop}</source>
        <translation>تسجيل الدخول — {shop}</translation>
    </message>
</context>
<context>
    <name>StaffAdminPanel</name>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>&amp;Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>&amp;Deactivate the chosen person</source>
        <translation>إيقاف حساب الموظف المختار</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Active</source>
        <translation>فعّال</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Add a staff member</source>
        <translation>إضافة موظف</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Cashier</source>
        <translation>كاشير</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Everyone signs in with their own PIN. Choose a person to set their PIN.</source>
        <translation>يسجّل كل شخص الدخول برمزه السري الخاص. اختر موظفًا لتعيين رمزه السري.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>New PIN (4–8 digits)</source>
        <translation>الرمز السري الجديد (من 4 إلى 8 أرقام)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>No longer active</source>
        <translation>لم يعد فعّالًا</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>PIN:</source>
        <translation>الرمز السري:</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Role:</source>
        <translation>الدور:</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Set &amp;PIN of the chosen person</source>
        <translation>تعيين الرمز السري للموظف المختار</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Sign-in is off: anyone at this PC acts as the owner. Set the owner&apos;s PIN to turn it on.</source>
        <translation>تسجيل الدخول غير مفعّل: أي شخص على هذا الحاسوب يعمل بصلاحيات المالك. عيّن الرمز السري للمالك لتفعيله.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>The PIN of {name} is set.</source>
        <translation>عُيّن الرمز السري للموظف {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>Their PIN (4–8 digits)</source>
        <translation>رمزه السري (من 4 إلى 8 أرقام)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>{name} (signed in)</source>
        <translation>{name} (مسجّل الدخول)</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>{name} can no longer sign in.</source>
        <translation>لم يعد بإمكان {name} تسجيل الدخول.</translation>
    </message>
    <message>
        <location filename="../../ui/safety/staff_admin.py"/>
        <source>{name} can now sign in with their PIN.</source>
        <translation>أصبح بإمكان {name} الآن تسجيل الدخول برمزه السري.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>Active</source>
        <translation>فعّال</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>Cashier</source>
        <translation>كاشير</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>No longer active</source>
        <translation>لم يعد فعّالًا</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>Owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>The shop&apos;s staff; this list is read-only.</source>
        <translation>موظفو المتجر؛ هذه القائمة للعرض فقط.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/staff_panel.py"/>
        <source>{name} (signed in)</source>
        <translation>{name} (مسجّل الدخول)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>&amp;Country (phone numbers):</source>
        <translation>البلد (لأرقام الهاتف):</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>&amp;Time zone:</source>
        <translation>المنطقة الزمنية:</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>A café with {customers} customers and a year of sales, to try every screen safely.</source>
        <translation>مقهى فيه {customers} عميل ومبيعات سنة كاملة، لتجربة كل الشاشات بأمان.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Building the demo shop…</source>
        <translation>جارٍ إنشاء المتجر التجريبي…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>C&amp;urrency:</source>
        <translation>العملة:</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Enter your shop’s name, currency and country, then enrol your customers.</source>
        <translation>أدخل اسم متجرك وعملته وبلده، ثم سجّل عملاءك.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Explore with a demo shop</source>
        <translation>جرّب متجراً تجريبياً</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Shop &amp;name:</source>
        <translation>اسم المتجر:</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Start empty</source>
        <translation>ابدأ بمتجر فارغ</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Welcome! Let’s get your shop ready.</source>
        <translation>أهلاً بك! لنجهّز متجرك.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py"/>
        <source>Your customers, their stamps and points stay on this PC: no account, no internet, no fee.</source>
        <translation>عملاؤك وأختامهم ونقاطهم تبقى على هذا الحاسوب: بلا حساب، بلا إنترنت، بلا رسوم.</translation>
    </message>
</context>
<context>
    <name>_Runner</name>
    <message>
        <location filename="../../ui/worker.py"/>
        <source>Something went wrong that should not have. Nothing was changed; please try again.</source>
        <translation>حدث خطأ غير متوقع، ولم يتغير أي شيء؛ يُرجى المحاولة مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>smallbiz</name>
    <message>
        <location filename="../../core/dates.py"/>
        <source>&quot;{text}&quot; is not a birthday; use month-day such as 03-21, or a full date such as 1990-03-21.</source>
        <translation>«{text}» ليس تاريخ ميلاد صحيحًا؛ اكتب الشهر-اليوم مثل 03-21، أو التاريخ كاملًا مثل 1990-03-21.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>&quot;{text}&quot; is not a card code; use 4 to 20 letters and digits.</source>
        <translation>«{text}» ليس رمز بطاقة صحيحًا؛ استخدم من 4 إلى 20 حرفًا ورقمًا.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>&quot;{text}&quot; is not a date; use the form 2026-10-31.</source>
        <translation>«{text}» ليس تاريخًا صحيحًا؛ اكتبه بالشكل 2026-10-31.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>&quot;{text}&quot; is not a marketing consent answer; use yes or no.</source>
        <translation>«{text}» ليست إجابة صالحة عن الموافقة على الرسائل التسويقية؛ اكتب نعم أو لا.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>&quot;{text}&quot; is not a month; use the form 2026-10.</source>
        <translation>«{text}» ليس شهرًا صحيحًا؛ اكتبه بالشكل 2026-10.</translation>
    </message>
    <message>
        <location filename="../../core/phones.py"/>
        <source>&quot;{text}&quot; is not a phone number.</source>
        <translation>«{text}» ليس رقم هاتف.</translation>
    </message>
    <message>
        <location filename="../../core/phones.py"/>
        <source>&quot;{text}&quot; is not a valid phone number for {region}; check the digits or add the country code.</source>
        <translation>«{text}» ليس رقم هاتف صالحًا في {region}؛ تحقق من الأرقام أو أضف رمز الدولة.</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <source>&quot;{text}&quot; is not an amount; type digits, for example 12.50.</source>
        <translation>«{text}» ليس مبلغًا؛ اكتب أرقامًا، مثل 12.50.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>&quot;{text}&quot; is not an email address.</source>
        <translation>«{text}» ليس عنوان بريد إلكتروني.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>+{earned} — {balance}</source>
        <translation>+{earned} — {balance}</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>+{given} given back — {balance}</source>
        <translation>أُعيد +{given} — {balance}</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/loyalty_text.py"/>
        <source>1 point</source>
        <translation>نقطة واحدة</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/loyalty_text.py"/>
        <source>1 stamp</source>
        <translation>ختم واحد</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>A PIN is {low} to {high} digits.</source>
        <translation>يجب أن يكون عدد أرقام الرمز السري من {low} إلى {high}.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>A birthday month must be between 1 and 12.</source>
        <translation>يجب أن يكون شهر الميلاد بين 1 و12.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>A category&apos;s earn percent</source>
        <translation>نسبة الكسب للصنف</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <source>A file name cannot contain a NUL character; please retype it.</source>
        <translation>لا يمكن أن يحتوي اسم الملف على محرف NUL؛ يرجى إعادة كتابته.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>A return cannot itself be returned.</source>
        <translation>لا يمكن إرجاع عملية إرجاع.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>A score must be a whole number from 0 to 10.</source>
        <translation>يجب أن تكون الدرجة عددًا صحيحًا من 0 إلى 10.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Add the programme first, then choose its birthday reward.</source>
        <translation>أضف البرنامج أولًا، ثم اختر مكافأة عيد الميلاد الخاصة به.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Answers to “How likely are you to recommend us?”: {answers}. Promoters (9 or 10): {promoters}; detractors (6 or less): {detractors}. Your Net Promoter Score is {score}.</source>
        <translation>عدد الإجابات عن سؤال «ما مدى احتمال أن توصي بنا؟»: {answers}. المروجون (9 أو 10): {promoters}؛ المنتقدون (6 أو أقل): {detractors}. صافي نقاط المروجين لديك {score}.</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>At risk</source>
        <translation>معرّضون للفقدان</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Average transaction value</source>
        <translation>متوسط قيمة المعاملة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Back after a break</source>
        <translation>عادوا بعد انقطاع</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Backup folder</source>
        <translation>مجلد النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>Backup saved: {path}, but the shop&apos;s data has {count} problem(s); run a full check.</source>
        <translation>حُفظت النسخة الاحتياطية: {path}، لكن في بيانات المتجر مشكلات (العدد: {count})؛ أجرِ فحصًا كاملًا.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>Backup saved: {path}.</source>
        <translation>حُفظت النسخة الاحتياطية: {path}.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Balance</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Balances</source>
        <translation>الأرصدة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <location filename="../../reports/privacy.py"/>
        <source>Birthday</source>
        <translation>عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <location filename="../../core/templates.py"/>
        <source>Birthday card text</source>
        <translation>نص بطاقة عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Birthday cards</source>
        <translation>بطاقات أعياد الميلاد</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Birthday gift</source>
        <translation>هدية عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../core/birthdays.py"/>
        <location filename="../../core/bulk.py"/>
        <source>Birthday gift {year}</source>
        <translation>هدية عيد الميلاد {year}</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>Birthday in {days} days</source>
        <translation>الأيام المتبقية حتى عيد الميلاد: {days}</translation>
    </message>
    <message>
        <location filename="../../core/birthdays.py"/>
        <source>Birthdays can be listed for at most {days} days.</source>
        <translation>يمكن عرض أعياد الميلاد لفترة لا يتجاوز عدد أيامها {days}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Birthdays in {month}</source>
        <translation>أعياد الميلاد في {month}</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Birthdays in {month}: {count}. The list below is ready for birthday cards.</source>
        <translation>أعياد الميلاد في {month}: {count}. القائمة أدناه جاهزة لبطاقات التهنئة.</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo.py"/>
        <source>Building the demo shop…</source>
        <translation>جارٍ إنشاء المتجر التجريبي…</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo_loyalty.py"/>
        <source>Called to apologise and offered a free coffee.</source>
        <translation>اتصلنا للاعتذار وقدّمنا قهوة مجانية.</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>Can&apos;t lose</source>
        <translation>لا يمكن خسارتهم</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <location filename="../../core/progress.py"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغيت العملية؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../reports/cards.py"/>
        <location filename="../../reports/privacy.py"/>
        <source>Card number</source>
        <translation>رقم البطاقة</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <location filename="../../reports/slip.py"/>
        <source>Card {code}</source>
        <translation>البطاقة {code}</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Cashback is earned as store credit; choose the unit credit.</source>
        <translation>يُكسب الاسترداد النقدي رصيدًا لدى المتجر؛ اختر الوحدة «credit».</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Category rules must be a list of categories with a percent each.</source>
        <translation>يجب أن تكون قواعد الأصناف قائمة بالأصناف مع نسبة لكل صنف.</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>Champions</source>
        <translation>الأبطال</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>Checking the backup</source>
        <translation>جارٍ فحص النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../core/merging.py"/>
        <source>Choose two different customers to merge.</source>
        <translation>اختر عميلين مختلفين لدمجهما.</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Churn rate</source>
        <translation>معدل فقدان العملاء</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Comment</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>Copying the shop&apos;s data</source>
        <translation>جارٍ نسخ بيانات المتجر</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Correction</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Customer data</source>
        <translation>بيانات العميل</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Customer lifetime value</source>
        <translation>القيمة الدائمة للعميل</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Customer number</source>
        <translation>رقم العميل</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Customer segments (RFM, last 12 months)</source>
        <translation>تقسيم العملاء (RFM، آخر 12 شهرا)</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Customer since</source>
        <translation>عميل منذ</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>Customer {id} has been erased; nothing personal is left to export.</source>
        <translation>حُذفت بيانات العميل رقم {id}؛ لم تبقَ بيانات شخصية لتصديرها.</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>Customer {id} was already erased.</source>
        <translation>حُذفت بيانات العميل رقم {id} من قبل.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Customer {id} was merged but still holds {quantity} units.</source>
        <translation>العميل رقم {id} مدمج، لكن ما زال لديه رصيد من الوحدات: {quantity}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Customers</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Customers this month — first-time: {new}; back after a long break: {reactivated}; stopped coming: {lost}.</source>
        <translation>حركة العملاء هذا الشهر — جدد: {new}؛ عادوا بعد انقطاع طويل: {reactivated}؛ توقفوا عن الزيارة: {lost}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Customers who reached a reward this month: {count}.</source>
        <translation>عملاء بلغوا مكافأة هذا الشهر: {count}.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Customers you referred: {count}.</source>
        <translation>العملاء الذين أحلتهم: {count}.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Daily backups kept</source>
        <translation>عدد النسخ الاحتياطية اليومية المحفوظة</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>Day {day} does not exist in that month.</source>
        <translation>اليوم {day} غير موجود في ذلك الشهر.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Days a birthday gift stays valid</source>
        <translation>عدد أيام صلاحية هدية عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Days a customer counts as active</source>
        <translation>عدد الأيام التي يُعدّ فيها العميل نشطًا</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Days before a birthday the gift is given</source>
        <translation>عدد الأيام قبل عيد الميلاد لمنح الهدية</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Days looked back for regulars</source>
        <translation>عدد الأيام التي يُنظر إليها لتحديد العملاء الدائمين</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Days without a visit before a regular is at risk</source>
        <translation>عدد الأيام دون زيارة قبل أن يُعدّ العميل الدائم معرّضًا للفقدان</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>Dear {name},
All of us at {shop} wish you a very happy birthday! We have a gift for you: {voucher}, valid until {valid_until}. Just show this card at the counter.
Enjoy your special day!</source>
        <translation>أهلاً {name}،
يتمنى لك كل فريق {shop} عيد ميلاد سعيداً! لدينا هدية لك: {voucher}، صالحة حتى {valid_until}. تُسلَّم الهدية عند إبراز هذه البطاقة في المحل.
نتمنى لك يوماً جميلاً!</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>Dear {name},
It has been a while since your last visit to {shop}, and we have missed you! You still have {balance} waiting for you. {reward}
Come and see us soon — we would love to welcome you back.</source>
        <translation>أهلاً {name}،
مرّ وقت منذ زيارتك الأخيرة إلى {shop}، وقد اشتقنا إليك! ما زال في رصيدك {balance} بانتظارك. {reward}
يسعدنا أن نراك قريباً من جديد.</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>Dear {name},
Thank you for visiting {shop} for the first time! You already have {balance} on your loyalty card. {reward}
We hope to see you again soon.</source>
        <translation>أهلاً {name}،
شكراً لزيارتك {shop} لأول مرة! لديك الآن {balance} على بطاقة الولاء. {reward}
نتطلّع لرؤيتك مجدداً قريباً.</translation>
    </message>
    <message>
        <location filename="../../core/demo.py"/>
        <source>Demo shop ready: {customers} customers, {sales} sales from {first} to {last}.</source>
        <translation>المتجر التجريبي جاهز: عدد العملاء {customers}، وعدد المبيعات {sales}، من {first} إلى {last}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Detractors (0–6)</source>
        <translation>المنتقدون (من 0 إلى 6)</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>Dry run of an import from {format}; nothing was changed. Customers that would be added: {added}; updated: {updated}; skipped because their phone number is already known: {skipped}.</source>
        <translation>تجربة استيراد من {format}؛ لم يتغير شيء. العملاء الذين سيُضافون: {added}؛ والذين ستُحدَّث بياناتهم: {updated}؛ والذين سيُتجاوزون لأن رقم هاتفهم مسجل مسبقًا: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Each row: the customers whose first purchase fell in that month. Each column: the share of them who bought again that many months later.</source>
        <translation>كل صف: العملاء الذين كان أول شراء لهم في ذلك الشهر. كل عمود: نسبة من اشترى منهم مرة أخرى بعد عدد الأشهر المبين في رأسه.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Earned</source>
        <translation>مكتسبة</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>Erased customer #{id}</source>
        <translation>عميل محذوف رقم {id}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Everything we hold about you</source>
        <translation>كل ما نحتفظ به من بياناتك</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Expiry must be one of: {choices}.</source>
        <translation>يجب أن تكون مدة الصلاحية واحدة مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Figures for {period}, compared with {previous_month}.</source>
        <translation>أرقام الفترة {period}، مقارنة بشهر {previous_month}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>First purchase</source>
        <translation>أول شراء</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Fold each sheet in half across, printed side out, then in half again so the greeting is on the front.</source>
        <translation>اطوِ كل ورقة من المنتصف عرضياً والوجه المطبوع للخارج، ثم اطوِها مرة أخرى من المنتصف لتظهر التهنئة على الغلاف.</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>For {name}</source>
        <translation>إلى {name}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Gift</source>
        <translation>الهدية</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Give: {amount} off</source>
        <translation>قدّم: خصم {amount}</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Give: {item}</source>
        <translation>قدّم: {item}</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Give: {percent}% off</source>
        <translation>قدّم: خصم {percent}%</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Give: {percent}% off, at most {cap}</source>
        <translation>قدّم: خصم {percent}%، بحد أقصى {cap}</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo_loyalty.py"/>
        <source>Goodwill after an unhappy visit.</source>
        <translation>تعويض بعد زيارة غير مُرضية.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Gross margin in percent (0 = not set)</source>
        <translation>هامش الربح الإجمالي بالنسبة المئوية (0 = غير محدد)</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>Happy birthday for {date}!</source>
        <translation>عيد ميلاد سعيد مقدماً، {date}!</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <location filename="../../reports/notes.py"/>
        <source>Happy birthday!</source>
        <translation>عيد ميلاد سعيد!</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>Hello {name}, thank you for visiting {shop}!
Your balance: {balance}.
{reward}
{birthday}</source>
        <translation>مرحباً {name}، شكراً لزيارتك {shop}!
رصيدك: {balance}.
{reward}
{birthday}</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>Hibernating</source>
        <translation>الخاملون</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>Import from {format} finished. Customers added: {added}; updated: {updated}; skipped because their phone number was already known: {skipped}.</source>
        <translation>اكتمل الاستيراد من {format}. العملاء المضافون: {added}؛ والذين حُدِّثت بياناتهم: {updated}؛ والذين تُجووزوا لأن رقم هاتفهم كان مسجلًا مسبقًا: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>Importing customers…</source>
        <translation>جارٍ استيراد العملاء…</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly.py"/>
        <location filename="../../reports/notes.py"/>
        <location filename="../../reports/privacy.py"/>
        <location filename="../../reports/slip.py"/>
        <source>Language {lang} is not supported; choose ar or en.</source>
        <translation>اللغة {lang} غير مدعومة؛ اختر ar أو en.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Last visit</source>
        <translation>آخر زيارة</translation>
    </message>
    <message>
        <location filename="../../reports/kit.py"/>
        <source>Laying out the pages…</source>
        <translation>جارٍ تنسيق الصفحات…</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Ledger row {id} draws on row {other}, which it does not match.</source>
        <translation>قيد الدفتر {id} يسحب من القيد {other} الذي لا يطابقه.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Ledger row {id} expires row {other} before its expiry date.</source>
        <translation>قيد الدفتر {id} يُنهي صلاحية القيد {other} قبل تاريخ انتهاء صلاحيته.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Ledger row {id} has more drawn on it than it holds ({held} held, {drawn} drawn).</source>
        <translation>المسحوب من قيد الدفتر {id} أكثر مما فيه (ما فيه: {held}، المسحوب: {drawn}).</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>Left: {balance}</source>
        <translation>المتبقي: {balance}</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Line {line} contains a NUL character, which a text file cannot hold.</source>
        <translation>يحتوي السطر {line} على محرف NUL، ولا يمكن أن يحتويه ملف نصي.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Line {line} could not be read; check the quotes on that line.</source>
        <translation>تعذّرت قراءة السطر {line}؛ تحقق من علامات الاقتباس فيه.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Line {line} has a cell longer than {limit} characters.</source>
        <translation>في السطر {line} خلية أطول من المسموح؛ الحد الأقصى لعدد الأحرف: {limit}.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Line {line} has no name, phone or email, so there is no customer to import.</source>
        <translation>لا يحتوي السطر {line} على اسم أو هاتف أو بريد إلكتروني، فلا يوجد عميل لاستيراده.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Line {line} has {found} cells but the header has {expected}.</source>
        <translation>عدد الخلايا في السطر {line} هو {found}، بينما عددها في سطر العناوين {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Line {line} opens a quoted cell that is never closed, so the rest of the file was not read.</source>
        <translation>يبدأ السطر {line} خلية بعلامة اقتباس لا تُغلق، لذلك لم يُقرأ باقي الملف.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>Line {line}: {reason}</source>
        <translation>السطر {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Longest expected customer lifetime, in years</source>
        <translation>أطول مدة متوقعة لبقاء العميل، بالسنوات</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>Lost</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Lost customers</source>
        <translation>العملاء المفقودون</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>Loyal</source>
        <translation>الأوفياء</translation>
    </message>
    <message>
        <location filename="../../reports/cards.py"/>
        <source>Loyalty card</source>
        <translation>بطاقة الولاء</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Merged</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location filename="../../core/merging.py"/>
        <source>Merged from {name} (customer {id})</source>
        <translation>مدمج من {name} (العميل رقم {id})</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Merged records</source>
        <translation>السجلات المدمجة</translation>
    </message>
    <message>
        <location filename="../../core/merging.py"/>
        <source>Merged with customer {id}</source>
        <translation>دُمج مع العميل رقم {id}</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Minutes without use before the app locks (0 = never)</source>
        <translation>عدد دقائق عدم الاستخدام قبل قفل البرنامج (0 = أبدًا)</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Monthly backups kept</source>
        <translation>عدد النسخ الاحتياطية الشهرية المحفوظة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Monthly report</source>
        <translation>التقرير الشهري</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Monthly report — {month}</source>
        <translation>التقرير الشهري — {month}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Net Promoter Score</source>
        <translation>صافي نقاط المروجين</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Net Promoter Score, month by month</source>
        <translation>صافي نقاط المروجين شهرا بشهر</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>New</source>
        <translation>الجدد</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>New and returning customers by week</source>
        <translation>العملاء الجدد والعائدون حسب الأسبوع</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>New customers</source>
        <translation>العملاء الجدد</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>No answers yet.</source>
        <translation>لا توجد إجابات بعد.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>No backup folder is set; choose one in Settings.</source>
        <translation>لم يُحدَّد مجلد للنسخ الاحتياطي؛ اختر مجلدًا في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>No customer has the phone number or card code &quot;{text}&quot;.</source>
        <translation>لا يوجد عميل برقم الهاتف أو رمز البطاقة «{text}».</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>No customer matches &quot;{text}&quot;.</source>
        <translation>لا يوجد عميل يطابق «{text}».</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>No customer was active at the start of the month, so there is no retention rate yet.</source>
        <translation>لم يكن أي عميل نشطا في بداية الشهر، لذا لا يوجد معدل للاحتفاظ بالعملاء بعد.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>No good backup was found in {folder}.</source>
        <translation>لم يُعثر على نسخة احتياطية سليمة في {folder}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>No regular has stayed away since {date}.</source>
        <translation>لم ينقطع أي عميل دائم منذ {date}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>No sales were recorded this month.</source>
        <translation>لم تسجل أي مبيعات هذا الشهر.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>No tier now</source>
        <translation>لا مستوى حاليًا</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Nobody answered “How likely are you to recommend us?” this month; asking after a sale at the counter takes a second.</source>
        <translation>لم يجب أحد عن سؤال «ما مدى احتمال أن توصي بنا؟» هذا الشهر؛ طرح السؤال عند الصندوق بعد البيع لا يستغرق سوى ثانية.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Nobody to list this month.</source>
        <translation>لا أحد في هذه القائمة هذا الشهر.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>None.</source>
        <translation>لا يوجد.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Number in the previous system</source>
        <translation>الرقم في النظام السابق</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Offers and birthday gifts</source>
        <translation>العروض وهدايا عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can add staff, set their PINs or deactivate them.</source>
        <translation>إضافة الموظفين وتعيين رموزهم السرية وإيقاف حساباتهم متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can change the loyalty programmes.</source>
        <translation>تغيير برامج الولاء متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can change the settings.</source>
        <translation>تغيير الإعدادات متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can correct a balance.</source>
        <translation>تصحيح الرصيد متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can erase a customer.</source>
        <translation>حذف العملاء متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can export a customer&apos;s data.</source>
        <translation>تصدير بيانات العميل متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can export the shop&apos;s data.</source>
        <translation>تصدير بيانات المتجر متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can follow up unhappy customers.</source>
        <translation>متابعة العملاء غير الراضين متاحة للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can give vouchers by hand.</source>
        <translation>منح القسائم يدويًا متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can import customers.</source>
        <translation>استيراد العملاء متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can merge customers.</source>
        <translation>دمج العملاء متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can restore a backup.</source>
        <translation>استعادة النسخ الاحتياطية متاحة للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can save a backup to another folder.</source>
        <translation>حفظ نسخة احتياطية في مجلد آخر متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can see the shop&apos;s figures and print reports.</source>
        <translation>عرض أرقام المتجر وطباعة التقارير متاحان للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Only the owner can view the audit log.</source>
        <translation>عرض سجل العمليات متاح للمالك فقط.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>Only unhappy answers (0 to 6) need a follow-up.</source>
        <translation>المتابعة مطلوبة للإجابات غير الراضية فقط (من 0 إلى 6).</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>Only {left} of sale {id} is left to return.</source>
        <translation>المتبقي القابل للإرجاع من عملية البيع {id} هو {left} فقط.</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/messages.py"/>
        <source>Only {quantity} more for {reward}.</source>
        <translation>بقي {quantity} فقط للحصول على {reward}.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Opening balance</source>
        <translation>رصيد افتتاحي</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>Opening points: {points}; opening stamps: {stamps}.</source>
        <translation>رصيد النقاط الافتتاحي: {points}؛ رصيد الأختام الافتتاحي: {stamps}.</translation>
    </message>
    <message>
        <location filename="../../reports/kit.py"/>
        <source>Page {page} of {pages}</source>
        <translation>صفحة {page} من {pages}</translation>
    </message>
    <message>
        <location filename="../../reports/kit.py"/>
        <source>Paper size {paper} is not supported; choose A4 or Letter.</source>
        <translation>حجم الورق {paper} غير مدعوم؛ اختر A4 أو Letter.</translation>
    </message>
    <message>
        <location filename="../../core/demo_loyalty.py"/>
        <source>Passed the complaint on to the morning team.</source>
        <translation>نقلنا الشكوى إلى فريق الفترة الصباحية.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Passives (7–8)</source>
        <translation>المحايدون (7 أو 8)</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <location filename="../../reports/privacy.py"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Phone country</source>
        <translation>بلد أرقام الهواتف</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <source>Please enter a currency code such as KWD, SAR or USD.</source>
        <translation>يرجى إدخال رمز عملة مثل KWD أو SAR أو USD.</translation>
    </message>
    <message>
        <location filename="../../core/phones.py"/>
        <source>Please enter a phone number.</source>
        <translation>يُرجى إدخال رقم هاتف.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>Please enter a time zone name such as Asia/Kuwait.</source>
        <translation>يرجى إدخال اسم منطقة زمنية مثل Asia/Kuwait.</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <source>Please enter an amount.</source>
        <translation>يُرجى إدخال مبلغ.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty.py"/>
        <source>Points</source>
        <translation>النقاط</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Points and stamps</source>
        <translation>النقاط والأختام</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Points issued</source>
        <translation>النقاط الممنوحة</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <source>Points liability</source>
        <translation>التزامات النقاط</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Points redeemed</source>
        <translation>النقاط المستبدلة</translation>
    </message>
    <message>
        <location filename="../../core/segments.py"/>
        <source>Potential</source>
        <translation>الواعدون</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Printed thank-you notes</source>
        <translation>رسائل الشكر المطبوعة</translation>
    </message>
    <message>
        <location filename="../../reports/kit.py"/>
        <source>Printed {date}</source>
        <translation>تاريخ الطباعة: {date}</translation>
    </message>
    <message>
        <location filename="../../reports/cards.py"/>
        <source>Printing loyalty cards…</source>
        <translation>جارٍ طباعة بطاقات الولاء…</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Printing notes…</source>
        <translation>جارٍ طباعة الرسائل…</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <location filename="../../reports/privacy.py"/>
        <source>Programme</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Promoters (9–10)</source>
        <translation>المروجون (9 أو 10)</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Purchase</source>
        <translation>شراء</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Purchases</source>
        <translation>المشتريات</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Purchases that make a regular</source>
        <translation>عدد المشتريات التي تجعل العميل دائمًا</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Reached a reward this month</source>
        <translation>بلغوا مكافأة هذا الشهر</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Reached on</source>
        <translation>تاريخ البلوغ</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Redeemed</source>
        <translation>مستبدلة</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Redemption {id} cost {cost} but drew {drawn}.</source>
        <translation>تكلفة عملية الاستبدال {id} هي {cost}، لكن المسحوب من الرصيد {drawn}.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Referral bonus</source>
        <translation>مكافأة إحالة</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>Referral bonus: +{earned} for {name}</source>
        <translation>مكافأة الإحالة: +{earned} لصالح {name}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Referred by customer number</source>
        <translation>بإحالة من العميل رقم</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/loyalty.py"/>
        <source>Referred by {name}</source>
        <translation>بإحالة من {name}</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/loyalty.py"/>
        <source>Referred {name}</source>
        <translation>إحالة {name}</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Regulars at risk</source>
        <translation>عملاء دائمون معرضون للفقدان</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Regulars whose last visit was before {date}: {count}. They are listed below with their phone numbers; a call or a “we miss you” note may bring them back.</source>
        <translation>عملاء دائمون كانت آخر زيارة لهم قبل {date}: {count}. تجدهم في القائمة أدناه مع أرقام هواتفهم، وقد تعيدهم مكالمة أو رسالة «اشتقنا إليك».</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Repeat purchase rate</source>
        <translation>معدل الشراء المتكرر</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Retention rate</source>
        <translation>معدل الاحتفاظ بالعملاء</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Return</source>
        <translation>مرتجع</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/reversals.py"/>
        <source>Return {id}</source>
        <translation>إرجاع {id}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Return {id} does not match the sale it returns.</source>
        <translation>عملية الإرجاع {id} لا تطابق عملية البيع التي تُرجعها.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Returning</source>
        <translation>العائدون</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Returning customers</source>
        <translation>العملاء العائدون</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <location filename="../../reports/monthly_text.py"/>
        <source>Revenue</source>
        <translation>الإيرادات</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Revenue ({currency})</source>
        <translation>الإيرادات ({currency})</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Revenue came to {revenue}, {percent} less than in {previous_month}; the average sale was {atv}.</source>
        <translation>بلغت الإيرادات {revenue} بانخفاض {percent} عن {previous_month}، وكان متوسط قيمة المعاملة {atv} هذا الشهر.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Revenue came to {revenue}, {percent} more than in {previous_month}; the average sale was {atv}.</source>
        <translation>بلغت الإيرادات {revenue} بزيادة {percent} عن {previous_month}، وكان متوسط قيمة المعاملة {atv} هذا الشهر.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Revenue came to {revenue}; the average sale was {atv}.</source>
        <translation>بلغت الإيرادات {revenue}، وكان متوسط قيمة المعاملة {atv} هذا الشهر.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <location filename="../../reports/privacy.py"/>
        <source>Reward</source>
        <translation>المكافأة</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <location filename="../../core/loyalty_text.py"/>
        <location filename="../../reports/slip.py"/>
        <source>Reward ready: {reward}</source>
        <translation>مكافأة جاهزة: {reward}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Rewards redeemed</source>
        <translation>المكافآت المستبدلة</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>Rows not imported: {count}.</source>
        <translation>الصفوف التي لم تُستورد: {count}.</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo.py"/>
        <source>Rung up twice.</source>
        <translation>سُجّلت مرتين.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <location filename="../../core/health.py"/>
        <source>SQLite cannot read the file: {reason}.</source>
        <translation>لا يستطيع SQLite قراءة الملف: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>SQLite reports damage: {detail}.</source>
        <translation>يُبلغ SQLite عن تلف: {detail}.</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/loyalty.py"/>
        <source>Sale {id}</source>
        <translation>عملية البيع {id}</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>Sale {id} already has an answer; one answer per sale.</source>
        <translation>لعملية البيع {id} إجابة بالفعل؛ إجابة واحدة لكل عملية بيع.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>Sale {id} already has returns; return the rest instead of voiding it.</source>
        <translation>لعملية البيع {id} مرتجعات بالفعل؛ أرجِع الباقي بدلًا من إلغائها.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>Sale {id} belongs to another customer.</source>
        <translation>عملية البيع {id} تخص عميلًا آخر.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>Sale {id} has already been returned in full.</source>
        <translation>أُرجعت عملية البيع {id} كاملةً من قبل.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Sale {id} has more returned than was sold.</source>
        <translation>المُرجَع من عملية البيع {id} أكثر مما بيع.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>Sale {id} is already voided.</source>
        <translation>عملية البيع {id} ملغاة بالفعل.</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>Sale {id} recorded: {amount} for {name}.</source>
        <translation>سُجّلت عملية البيع {id}: {amount} باسم {name}.</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>Sale {id} recorded: {amount}.</source>
        <translation>سُجّلت عملية البيع {id}: {amount}.</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>Sale {id} should have earned {expected} but the ledger shows {found}.</source>
        <translation>كان يجب أن تُكسب عملية البيع {id} القيمة {expected}، لكن الدفتر يُظهر {found}.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>Sale {id} was voided, so nothing can be returned from it.</source>
        <translation>أُلغيت عملية البيع {id}، فلا يمكن إرجاع شيء منها.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Sales</source>
        <translation>المبيعات</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Sales and visits by week</source>
        <translation>المبيعات والزيارات حسب الأسبوع</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Say after how many days units expire.</source>
        <translation>حدّد عدد الأيام التي تنتهي بعدها صلاحية الوحدات.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Say how much must be spent to earn {count} units.</source>
        <translation>حدّد المبلغ الذي يجب إنفاقه لكسب {count} من الوحدات.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Score</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>See you soon.</source>
        <translation>نراك قريباً.</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>Set the owner&apos;s PIN first; until then anyone at the PC acts as the owner.</source>
        <translation>عيّن الرمز السري للمالك أولًا؛ وحتى ذلك الحين يعمل أي شخص على الحاسوب بصلاحيات المالك.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Several rewards are called &quot;{name}&quot;; give its number: {ids}.</source>
        <translation>توجد عدة مكافآت باسم «{name}»؛ اذكر رقم المكافأة المطلوبة: {ids}.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Shop address</source>
        <translation>عنوان المتجر</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Shop logo (image file)</source>
        <translation>شعار المتجر (ملف صورة)</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Shop name</source>
        <translation>اسم المتجر</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Shop phone</source>
        <translation>هاتف المتجر</translation>
    </message>
    <message>
        <location filename="../../reports/cards.py"/>
        <source>Show this card at the counter to collect your rewards.</source>
        <translation>أبرز هذه البطاقة عند الدفع لتحصل على مكافآتك.</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Show this card at the counter.</source>
        <translation>أبرِز هذه البطاقة عند الكاشير.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <source>Sign in first.</source>
        <translation>سجّل الدخول أولًا.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Spent</source>
        <translation>المبلغ المنفق</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo_loyalty.py"/>
        <source>Spoke to them on their next visit; all is well.</source>
        <translation>تحدثنا معه في زيارته التالية؛ كل شيء على ما يرام.</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo_loyalty.py"/>
        <source>Stamped twice by mistake.</source>
        <translation>أُضيف الختم مرتين بالخطأ.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty.py"/>
        <source>Stamps</source>
        <translation>الأختام</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Stamps issued</source>
        <translation>الطوابع الممنوحة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Stamps redeemed</source>
        <translation>الطوابع المستبدلة</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>Stopped.</source>
        <translation>تم الإيقاف.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Store credit is earned as a cashback percent, not per visit or per amount.</source>
        <translation>يُكسب الرصيد لدى المتجر كنسبة استرداد نقدي، لا لكل زيارة ولا لكل مبلغ.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Taken back</source>
        <translation>مستردة</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>Thank you for your visit!</source>
        <translation>شكراً لزيارتك!</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Thank you!</source>
        <translation>شكراً لك!</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <location filename="../../core/templates.py"/>
        <source>Thank-you note text</source>
        <translation>نص رسالة الشكر</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Thank-you notes</source>
        <translation>رسائل الشكر</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <location filename="../../core/sales.py"/>
        <source>That amount is too large; please check it.</source>
        <translation>هذا المبلغ كبير جدًا؛ يُرجى التحقق منه.</translation>
    </message>
    <message>
        <location filename="../../reports/kit.py"/>
        <source>The PDF could not be saved to {path} ({reason}); check the folder and try again.</source>
        <translation>تعذّر حفظ ملف PDF في {path} ({reason})؛ تحقّق من المجلد وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty.py"/>
        <source>The adjustment must be a whole number other than zero, at most {limit}.</source>
        <translation>يجب أن يكون التعديل عددًا صحيحًا غير الصفر، لا يتجاوز {limit}.</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <source>The amount cannot be negative.</source>
        <translation>لا يمكن أن يكون المبلغ سالبًا.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>The amount must be a whole number of the currency&apos;s smallest unit (such as fils or cents).</source>
        <translation>يجب أن يكون المبلغ عددًا صحيحًا من أصغر وحدة في العملة (مثل الفلس أو السنت).</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <location filename="../../core/redeeming.py"/>
        <location filename="../../core/sales.py"/>
        <source>The amount must be more than zero.</source>
        <translation>يجب أن يكون المبلغ أكبر من صفر.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The amount that earns them</source>
        <translation>المبلغ الذي يُكسبها</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>The backup copy failed its check ({detail}); nothing was saved.</source>
        <translation>لم تجتز النسخة الاحتياطية الفحص ({detail})؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>The backup could not be written to {folder} ({reason}); nothing was saved, so check the drive and try again.</source>
        <translation>تعذّرت كتابة النسخة الاحتياطية في {folder} ({reason})؛ لم يُحفظ شيء، فتحقق من وحدة التخزين وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>The backup folder {folder} cannot be created: {reason}.</source>
        <translation>تعذّر إنشاء مجلد النسخ الاحتياطي {folder}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>The backup folder {folder} cannot be found; plug in the drive or choose another folder in Settings.</source>
        <translation>لم يُعثر على مجلد النسخ الاحتياطي {folder}؛ صِل وحدة التخزين أو اختر مجلدًا آخر في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>The backup folder {folder} cannot be written to; choose another folder in Settings.</source>
        <translation>تتعذّر الكتابة في مجلد النسخ الاحتياطي {folder}؛ اختر مجلدًا آخر في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <source>The backup folder {folder} is a file, not a folder.</source>
        <translation>مجلد النسخ الاحتياطي {folder} ملف وليس مجلدًا.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>The birth year {year} is not possible.</source>
        <translation>سنة الميلاد {year} غير ممكنة.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>The birthday</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The birthday gift</source>
        <translation>هدية عيد الميلاد</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The birthday gift must be a reward of this programme.</source>
        <translation>يجب أن تكون هدية عيد الميلاد إحدى مكافآت هذا البرنامج.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The bonus for the new customer</source>
        <translation>مكافأة العميل الجديد</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The bonus for the referrer</source>
        <translation>مكافأة صاحب الإحالة</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>The card code</source>
        <translation>رمز البطاقة</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>The card code {code} is already in use.</source>
        <translation>رمز البطاقة {code} مستخدم من قبل.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The cashback</source>
        <translation>الاسترداد النقدي</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <location filename="../../core/sales.py"/>
        <source>The category</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <location filename="../../core/db.py"/>
        <source>The change could not be saved: {reason}.</source>
        <translation>تعذّر حفظ التغيير: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>The comment</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The cost</source>
        <translation>التكلفة</translation>
    </message>
    <message>
        <location filename="../../core/shop.py"/>
        <source>The customer must be given by their customer number, such as 42.</source>
        <translation>يجب تحديد العميل برقمه، مثل 42.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>The customer number from the other system</source>
        <translation>رقم العميل في النظام الآخر</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>The customer search index {name} is out of step with the customers.</source>
        <translation>فهرس البحث عن العملاء {name} غير متوافق مع بيانات العملاء.</translation>
    </message>
    <message>
        <location filename="../../core/db.py"/>
        <source>The database is busy in another window or computer; please try again.</source>
        <translation>قاعدة البيانات مشغولة في نافذة أخرى أو على جهاز آخر؛ يُرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The days a voucher is valid</source>
        <translation>عدد أيام صلاحية القسيمة</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The days before units expire</source>
        <translation>عدد الأيام قبل انتهاء صلاحية الوحدات</translation>
    </message>
    <message>
        <location filename="../../core/demo_loyalty.py"/>
        <source>The demo café needs an active stamp card with a reward; build the demo shop into a new file.</source>
        <translation>يحتاج المقهى التجريبي إلى بطاقة أختام فعّالة لها مكافأة؛ أنشئ المتجر التجريبي في ملف جديد.</translation>
    </message>
    <message>
        <location filename="../../core/demo.py"/>
        <source>The demo seed must be a whole number.</source>
        <translation>يجب أن تكون بذرة المتجر التجريبي عددًا صحيحًا.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The earn multiplier</source>
        <translation>مضاعف الكسب</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>The email address</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>The file has more than {limit} rows; split it into smaller files and import them one by one.</source>
        <translation>عدد الصفوف في الملف أكثر من {limit}؛ قسّمه إلى ملفات أصغر واستوردها واحدًا تلو الآخر.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>The file is empty; it needs a header row with the column names.</source>
        <translation>الملف فارغ؛ يجب أن يحتوي على سطر عناوين بأسماء الأعمدة.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>The file is larger than {limit} MB; split it into smaller files and import them one by one.</source>
        <translation>حجم الملف أكبر من {limit} ميغابايت؛ قسّمه إلى ملفات أصغر واستوردها واحدًا تلو الآخر.</translation>
    </message>
    <message>
        <location filename="../../core/db.py"/>
        <location filename="../../core/health.py"/>
        <source>The folder {folder} does not exist.</source>
        <translation>المجلد {folder} غير موجود.</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>The folder {folder} does not exist; choose another place for the files.</source>
        <translation>المجلد {folder} غير موجود؛ اختر مكانًا آخر للملفات.</translation>
    </message>
    <message>
        <location filename="../../reports/kit.py"/>
        <source>The folder {folder} does not exist; choose another place to save the PDF.</source>
        <translation>المجلد {folder} غير موجود؛ اختر مكانًا آخر لحفظ ملف PDF.</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <source>The folder {folder} does not exist; create it or choose another place for the file.</source>
        <translation>المجلد {folder} غير موجود؛ أنشئه أو اختر مكانًا آخر للملف.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>The header row (line {line}) is damaged; it must hold the column names only.</source>
        <translation>سطر العناوين (السطر {line}) تالف؛ يجب أن يحتوي على أسماء الأعمدة فقط.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>The header row has no name, phone or email column, so the file cannot be read as a customer list.</source>
        <translation>لا يحتوي سطر العناوين على عمود للاسم أو الهاتف أو البريد الإلكتروني، لذلك لا يمكن قراءة الملف كقائمة عملاء.</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>The key {key} was already used for a different redemption.</source>
        <translation>المفتاح {key} مستخدم من قبل لعملية استبدال أخرى.</translation>
    </message>
    <message>
        <location filename="../../core/shop.py"/>
        <source>The key {key} was already used for a different sale.</source>
        <translation>المفتاح {key} مستخدم من قبل لعملية بيع أخرى.</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>The kind of note must be one of: {choices}.</source>
        <translation>يجب أن يكون نوع الرسالة واحداً من: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The kind of reward must be one of: {choices}.</source>
        <translation>يجب أن يكون نوع المكافأة واحدًا مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The kind of voucher must be one of: {choices}.</source>
        <translation>يجب أن يكون نوع القسيمة واحدًا مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>The layout must be one of: {choices}.</source>
        <translation>يجب أن يكون التخطيط واحداً من: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>The marketing consent</source>
        <translation>الموافقة على الرسائل التسويقية</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>The message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>The message has a curly bracket without its pair; write placeholders like {example}.</source>
        <translation>في الرسالة قوس معقوف بلا قوس مقابل؛ اكتب العناصر البديلة هكذا {example}.</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>The message uses {unknown}, which the app cannot fill in; use only {known}.</source>
        <translation>تستخدم الرسالة {unknown} ولا يستطيع التطبيق ملأه؛ استخدم فقط {known}.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The minimum spend for a visit</source>
        <translation>الحد الأدنى للإنفاق في الزيارة</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The money off</source>
        <translation>مبلغ الخصم</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>The month at a glance</source>
        <translation>الشهر في لمحة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>The month is not over yet: figures up to {date}.</source>
        <translation>لم ينته الشهر بعد: الأرقام حتى {date}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The most money off</source>
        <translation>الحد الأقصى لمبلغ الخصم</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <location filename="../../core/pins.py"/>
        <source>The name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>The newest good backup is {name}, made {when} UTC; restore it to continue.</source>
        <translation>أحدث نسخة احتياطية سليمة هي {name}، أُنشئت في {when} بتوقيت UTC؛ استعدها للمتابعة.</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>The note text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>The notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <location filename="../../core/demo.py"/>
        <source>The number of demo customers must be from 1 to {most}; {value} was given.</source>
        <translation>يجب أن يكون عدد عملاء المتجر التجريبي من 1 إلى {most}؛ والعدد المُدخل {value}.</translation>
    </message>
    <message>
        <location filename="../../core/demo.py"/>
        <source>The number of demo months must be from 1 to {most}; {value} was given.</source>
        <translation>يجب أن يكون عدد أشهر المتجر التجريبي من 1 إلى {most}؛ والعدد المُدخل {value}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The percent off</source>
        <translation>نسبة الخصم</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>The phone number</source>
        <translation>رقم الهاتف</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>The phone number {phone} already belongs to {name} (customer {id}).</source>
        <translation>رقم الهاتف {phone} مسجل من قبل باسم {name} (العميل رقم {id}).</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>The points balance</source>
        <translation>رصيد النقاط</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <location filename="../../core/rewards.py"/>
        <source>The position</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The programme name</source>
        <translation>اسم البرنامج</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>The programme {name} is paused; its rewards cannot be redeemed.</source>
        <translation>البرنامج {name} متوقف مؤقتًا؛ لا يمكن استبدال مكافآته.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The qualifying spend</source>
        <translation>الإنفاق المؤهِّل</translation>
    </message>
    <message>
        <location filename="../../core/loyalty.py"/>
        <location filename="../../core/privacy.py"/>
        <location filename="../../core/shop.py"/>
        <source>The reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>The redemption of {reward} was already undone on {date}; nothing was changed.</source>
        <translation>أُلغي استبدال {reward} من قبل في {date}؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The reward name</source>
        <translation>اسم المكافأة</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>The reward {name} is no longer offered.</source>
        <translation>المكافأة {name} لم تعد متاحة.</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>The role must be one of: {choices}.</source>
        <translation>يجب أن يكون الدور واحدًا مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/sales.py"/>
        <source>The sale key</source>
        <translation>مفتاح عملية البيع</translation>
    </message>
    <message>
        <location filename="../../core/shop_loyalty.py"/>
        <source>The shop has no store credit programme.</source>
        <translation>لا يوجد لدى المتجر برنامج رصيد.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>The source must be one of: {choices}.</source>
        <translation>يجب أن يكون المصدر واحدًا مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>The stamps balance</source>
        <translation>رصيد الأختام</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>The summary table {table} is out of step with the data ({count} rows).</source>
        <translation>جدول الملخّص {table} لا يطابق البيانات ({count} صفًّا مختلفًا).</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The tier name</source>
        <translation>اسم المستوى</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The tier {name} already starts at that spend.</source>
        <translation>المستوى {name} يبدأ بالفعل عند هذا الإنفاق.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The unit must be one of: {choices}.</source>
        <translation>يجب أن تكون الوحدة واحدة مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The unit of a programme that already has entries cannot change.</source>
        <translation>لا يمكن تغيير وحدة برنامج له قيود مسجلة بالفعل.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>The value of one unit</source>
        <translation>قيمة الوحدة الواحدة</translation>
    </message>
    <message>
        <location filename="../../reports/cards.py"/>
        <source>There are no customers to print loyalty cards for.</source>
        <translation>لا يوجد عملاء لطباعة بطاقات ولاء لهم.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>There is already a programme called &quot;{name}&quot;.</source>
        <translation>يوجد بالفعل برنامج باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>There is already a staff member called {name}.</source>
        <translation>يوجد بالفعل موظف باسم {name}.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>There is already a tier called &quot;{name}&quot;.</source>
        <translation>يوجد بالفعل مستوى باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>There is no answer number {id}.</source>
        <translation>لا توجد إجابة بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>There is no backup file at {path}.</source>
        <translation>لا يوجد ملف نسخة احتياطية في {path}.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <location filename="../../core/feedback.py"/>
        <source>There is no customer number {id}.</source>
        <translation>لا يوجد عميل بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <location filename="../../core/health.py"/>
        <source>There is no database file at {path}.</source>
        <translation>لا يوجد ملف قاعدة بيانات في {path}.</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <source>There is no export called {what}; choose one of {choices}.</source>
        <translation>لا يوجد تصدير باسم {what}؛ اختر واحدًا مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>There is no file at {path}; check the name and the folder.</source>
        <translation>لا يوجد ملف في {path}؛ تحقق من الاسم والمجلد.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>There is no loyalty programme called &quot;{name}&quot;.</source>
        <translation>لا يوجد برنامج ولاء باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <location filename="../../core/rewards.py"/>
        <source>There is no loyalty programme number {id}.</source>
        <translation>لا يوجد برنامج ولاء بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>There is no redemption number {id}.</source>
        <translation>لا توجد عملية استبدال رقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>There is no reward called &quot;{name}&quot;.</source>
        <translation>لا توجد مكافأة باسم «{name}».</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>There is no reward number {id}.</source>
        <translation>لا توجد مكافأة بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <location filename="../../core/sales.py"/>
        <source>There is no sale number {id}.</source>
        <translation>لا توجد عملية بيع بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>There is no setting called {key}.</source>
        <translation>لا يوجد إعداد باسم {key}.</translation>
    </message>
    <message>
        <location filename="../../core/staff.py"/>
        <source>There is no staff member number {id}.</source>
        <translation>لا يوجد موظف رقمه {id}.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>There is no tier number {id}.</source>
        <translation>لا يوجد مستوى بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>There is no voucher number {id}.</source>
        <translation>لا توجد قسيمة بالرقم {id}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>There is no voucher with the code &quot;{code}&quot;.</source>
        <translation>لا توجد قسيمة بالرمز «{code}».</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>There is nobody to print these notes for; choose another month or list.</source>
        <translation>لا يوجد أحد لطباعة هذه الرسائل له؛ اختر شهراً أو قائمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>This PIN is too easy to guess (like 1234 or 1111); choose another.</source>
        <translation>هذا الرمز السري سهل التخمين (مثل 1234 أو 1111)؛ اختر رمزًا آخر.</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>This answer was already handled on {date}.</source>
        <translation>تمت متابعة هذه الإجابة من قبل في {date}.</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>This card has {balance} of {cost} stamps; {missing} more are needed before {reward}.</source>
        <translation>في هذه البطاقة {balance} من {cost} من الأختام؛ والمتبقي {missing} قبل الحصول على {reward}.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>This file does not match the {format} format; these columns are missing: {columns}.</source>
        <translation>هذا الملف لا يطابق تنسيق {format}؛ الأعمدة الناقصة: {columns}.</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>This file is not UTF-8 text; save it from your spreadsheet as &quot;CSV UTF-8&quot; and import it again.</source>
        <translation>هذا الملف ليس نصًا بترميز UTF-8؛ احفظه من برنامج الجداول بصيغة «CSV UTF-8» ثم استورده مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>This is every piece of information {shop} keeps about {name}, as of {date}. Ask us at any time to correct it or to erase it.</source>
        <translation>هذه كل المعلومات التي يحتفظ بها {shop} عن {name} حتى {date}. يمكنك أن تطلب منا تصحيحها أو حذفها في أي وقت.</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>This redemption was already recorded; nothing more was deducted.</source>
        <translation>سُجّلت عملية الاستبدال هذه من قبل؛ لم يُخصم شيء إضافي.</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>This sale was already recorded (sale {id}); nothing new was written.</source>
        <translation>سُجّلت عملية البيع هذه من قبل (عملية البيع {id})؛ لم يُسجَّل شيء جديد.</translation>
    </message>
    <message>
        <location filename="../../core/reversals.py"/>
        <source>This would take back {quantity} from {name}, who has only {balance} left, and the shop does not allow a negative balance; adjust the balance first or change the rule in Settings.</source>
        <translation>سيؤدي هذا إلى استرجاع {quantity} من رصيد {name} الذي لم يتبقَّ فيه سوى {balance}، والمتجر لا يسمح برصيد سالب؛ عدّل الرصيد أولًا أو غيّر القاعدة في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Tier</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Tier history</source>
        <translation>سجل المستويات</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>Tier now: {tier}</source>
        <translation>المستوى الحالي: {tier}</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>Tier up: {tier}</source>
        <translation>ترقية المستوى: {tier}</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>Tier: {tier}</source>
        <translation>المستوى: {tier}</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>Too many wrong PINs for {name}; try again in {seconds} seconds.</source>
        <translation>أُدخل رمز سري خاطئ مرات كثيرة للمستخدم {name}؛ الثواني المتبقية قبل المحاولة مجددًا: {seconds}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Top 10 customers this month</source>
        <translation>أفضل 10 عملاء هذا الشهر</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>Undo of redemption {id} ({reward})</source>
        <translation>إلغاء الاستبدال رقم {id} ({reward})</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>Undone: {reward} — back to {balance}</source>
        <translation>أُلغي الاستبدال: {reward} — الرصيد الآن {balance}</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Units per amount</source>
        <translation>الوحدات لكل مبلغ</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>Units per visit</source>
        <translation>الوحدات لكل زيارة</translation>
    </message>
    <message>
        <location filename="../../core/csv_formats.py"/>
        <source>Unknown file format {format}; choose one of {choices}.</source>
        <translation>تنسيق الملف {format} غير معروف؛ اختر واحدًا مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Used</source>
        <translation>مستخدمة</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Valid until</source>
        <translation>صالحة حتى</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <location filename="../../reports/slip.py"/>
        <source>Valid until {date}</source>
        <translation>صالحة حتى {date}</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Value of unused points</source>
        <translation>قيمة النقاط غير المستبدلة</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Visits</source>
        <translation>الزيارات</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/reversals.py"/>
        <source>Void of {id}</source>
        <translation>إلغاء عملية البيع {id}</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Voucher {code} expired on {date}.</source>
        <translation>انتهت صلاحية القسيمة {code} في {date}.</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>Voucher {code} from this redemption was already used on {date}, so the redemption cannot be undone.</source>
        <translation>القسيمة {code} من هذا الاستبدال استُخدمت في {date}، لذا لا يمكن إلغاء الاستبدال.</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>Voucher {code} is cancelled.</source>
        <translation>أُلغيت القسيمة {code}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Voucher {code} was already used on {date}.</source>
        <translation>استُخدمت القسيمة {code} من قبل في {date}.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Voucher {code} — {gift}</source>
        <translation>القسيمة {code} — {gift}</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>Voucher {code} — {gift} — valid until {date}</source>
        <translation>القسيمة {code} — {gift} — صالحة حتى {date}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Vouchers</source>
        <translation>القسائم</translation>
    </message>
    <message>
        <location filename="../../core/shop_loyalty.py"/>
        <source>Vouchers can only be given to a current customer.</source>
        <translation>لا تُمنح القسائم إلا لعميل حالي.</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>We miss you notes</source>
        <translation>رسائل «اشتقنا إليك»</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>We miss you!</source>
        <translation>اشتقنا إليك!</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>Weekly backups kept</source>
        <translation>عدد النسخ الاحتياطية الأسبوعية المحفوظة</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>Welcome bonus: +{earned}</source>
        <translation>مكافأة الترحيب: +{earned}</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>What</source>
        <translation>البيان</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>What is stored as left of ledger row {id} does not match the ledger.</source>
        <translation>ما هو مسجّل كمتبقٍّ من قيد الدفتر {id} لا يطابق الدفتر.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>What the numbers say</source>
        <translation>ماذا تقول الأرقام</translation>
    </message>
    <message>
        <location filename="../../core/feedback.py"/>
        <source>What was done</source>
        <translation>الإجراء المتخذ</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>WhatsApp message template</source>
        <translation>قالب رسالة WhatsApp</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>When a return takes back units already spent</source>
        <translation>عند إرجاع بيع صُرفت وحداته من قبل</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Who came back: share of each month&apos;s new customers buying again</source>
        <translation>من عاد منهم: نسبة العملاء الجدد في كل شهر الذين اشتروا مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>Written off: customer erased</source>
        <translation>شُطب: حُذف العميل</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>Wrong PIN for {name}; {left} tries left before a wait.</source>
        <translation>رمز سري خاطئ للمستخدم {name}؛ المحاولات المتبقية قبل الانتظار: {left}.</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo.py"/>
        <source>Wrong amount entered.</source>
        <translation>أُدخل مبلغ خاطئ.</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Your answers</source>
        <translation>إجاباتك</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Your best seller was {category}: {share} of revenue ({amount}).</source>
        <translation>الصنف الأكثر مبيعا هو {category}، إذ حقق {share} من الإيرادات ({amount}).</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Your birthday gift</source>
        <translation>هدية عيد ميلادك</translation>
    </message>
    <message>
        <location filename="../../reports/privacy.py"/>
        <source>Your details</source>
        <translation>بياناتك</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>Your first stamps and points come with your next purchase.</source>
        <translation>ستحصل على أول أختامك ونقاطك مع مشترياتك القادمة.</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>Your loyalty balance</source>
        <translation>رصيد الولاء الخاص بك</translation>
    </message>
    <message>
        <location filename="../../reports/notes.py"/>
        <source>Your loyalty card</source>
        <translation>بطاقة الولاء الخاصة بك</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/messages.py"/>
        <source>Your reward is ready: {reward}.</source>
        <translation>مكافأتك جاهزة: {reward}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Your shop kept {kept} of every 100 customers who were active at the start of the month, down from {previous} in {previous_month}.</source>
        <translation>احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين في بداية الشهر، انخفاضا من {previous} في {previous_month}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Your shop kept {kept} of every 100 customers who were active at the start of the month, the same as in {previous_month}.</source>
        <translation>احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين في بداية الشهر، وهي النسبة نفسها في {previous_month}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Your shop kept {kept} of every 100 customers who were active at the start of the month, up from {previous} in {previous_month}.</source>
        <translation>احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين في بداية الشهر، ارتفاعا من {previous} في {previous_month}.</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>Your shop kept {kept} of every 100 customers who were active at the start of the month.</source>
        <translation>احتفظ متجرك بـ{kept} من كل 100 عميل كانوا نشطين في بداية الشهر.</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>Your vouchers</source>
        <translation>قسائمك</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <source>a birthday surprise</source>
        <translation>مفاجأة عيد ميلادك</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>a spreadsheet</source>
        <translation>جدول بيانات</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>nothing yet</source>
        <translation>لا شيء بعد</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>same as {month}</source>
        <translation>كما في {month}</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo.py"/>
        <source>this database</source>
        <translation>قاعدة البيانات هذه</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>tier {tier}</source>
        <translation>المستوى {tier}</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/loyalty_text.py"/>
        <source>{amount} credit</source>
        <translation>رصيد {amount}</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>{amount} more to reach {tier}</source>
        <translation>بقي {amount} للوصول إلى {tier}</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/redeeming.py"/>
        <source>{amount} off</source>
        <translation>خصم {amount}</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>{change} point vs {month}</source>
        <translation>الفرق عن {month}: {change}</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>{change} points vs {month}</source>
        <translation>الفرق عن {month}: {change}</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>{change} vs {month}</source>
        <translation>الفرق عن {month}: {change}</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>{choice} is not a way to handle known phone numbers; choose one of {choices}.</source>
        <translation>{choice} ليست طريقة للتعامل مع أرقام الهواتف المسجلة؛ اختر واحدة مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <source>{code} is not a currency code Babel knows (for example KWD, SAR, USD).</source>
        <translation>{code} ليس رمز عملة معروفًا (مثل KWD أو SAR أو USD).</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/loyalty_text.py"/>
        <source>{count} points</source>
        <translation>{count} نقطة</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{count} problem(s) found in {path}; the first: {first}</source>
        <translation>عدد المشكلات في {path}: {count}؛ أولها: {first}</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>{count} rows written to {path}.</source>
        <translation>عدد الصفوف المكتوبة في {path}: {count}.</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <location filename="../../core/loyalty_text.py"/>
        <source>{count} stamps</source>
        <translation>{count} أختام</translation>
    </message>
    <message>
        <location filename="../../core/money.py"/>
        <source>{currency} amounts have at most {decimals} decimal places.</source>
        <translation>الحد الأقصى لعدد المنازل العشرية في مبالغ {currency}: {decimals}.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>{field} cannot be changed here.</source>
        <translation>لا يمكن تغيير {field} هنا.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>{field} is not a programme setting.</source>
        <translation>{field} ليس من إعدادات البرنامج.</translation>
    </message>
    <message>
        <location filename="../../core/rewards.py"/>
        <source>{field} is not a reward setting.</source>
        <translation>{field} ليس من إعدادات المكافأة.</translation>
    </message>
    <message>
        <location filename="../../core/programs.py"/>
        <source>{field} is not a tier setting.</source>
        <translation>{field} ليس من إعدادات المستوى.</translation>
    </message>
    <message>
        <location filename="../../core/text.py"/>
        <source>{label} can be at most {limit} characters long.</source>
        <translation>الحد الأقصى لعدد الأحرف في {label}: {limit}.</translation>
    </message>
    <message>
        <location filename="../../core/text.py"/>
        <source>{label} cannot be empty.</source>
        <translation>يجب إدخال {label}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>{label} cannot be negative ({text}).</source>
        <translation>لا يمكن أن تكون قيمة {label} سالبة ({text}).</translation>
    </message>
    <message>
        <location filename="../../core/text.py"/>
        <source>{label} contains characters that cannot be displayed; please retype it.</source>
        <translation>توجد في {label} أحرف لا يمكن عرضها؛ يُرجى إعادة الكتابة.</translation>
    </message>
    <message>
        <location filename="../../core/text.py"/>
        <source>{label} contains control characters; please retype it.</source>
        <translation>توجد في {label} أحرف تحكم؛ يُرجى إعادة الكتابة.</translation>
    </message>
    <message>
        <location filename="../../core/text.py"/>
        <source>{label} contains invisible direction-control characters; please retype it.</source>
        <translation>توجد في {label} أحرف خفية للتحكم في اتجاه النص؛ يُرجى إعادة الكتابة.</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>{label} has a &quot;{brace}&quot; without its pair; write placeholders like {example}, and a brace on its own as {escaped}.</source>
        <translation>في {label} القوس «{brace}» بلا قوس مقابل؛ اكتب العناصر البديلة هكذا {example}، واكتب القوس وحده هكذا {escaped}.</translation>
    </message>
    <message>
        <location filename="../../core/audit.py"/>
        <location filename="../../core/programs.py"/>
        <location filename="../../core/rewards.py"/>
        <location filename="../../core/settings.py"/>
        <source>{label} must be a whole number from {low} to {high}.</source>
        <translation>يجب أن تكون قيمة «{label}» عددًا صحيحًا من {low} إلى {high}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>{label} must be a whole number, not {text}.</source>
        <translation>يجب أن تكون قيمة {label} عددًا صحيحًا، وليس «{text}».</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <source>{label} must be one of: {choices}.</source>
        <translation>يجب أن تكون قيمة «{label}» واحدة مما يلي: {choices}.</translation>
    </message>
    <message>
        <location filename="../../core/text.py"/>
        <source>{label} must be text.</source>
        <translation>يجب أن تكون قيمة {label} نصًا.</translation>
    </message>
    <message>
        <location filename="../../core/templates.py"/>
        <source>{label} uses {placeholder}, which the app cannot fill in; use only {known}.</source>
        <translation>يستخدم {label} العنصر {placeholder} الذي لا يستطيع البرنامج ملأه؛ استخدم فقط {known}.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>{label} {text} is too large; please check it.</source>
        <translation>القيمة {text} في {label} كبيرة جدًا؛ يُرجى التحقق منها.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>{name} can no longer refer customers.</source>
        <translation>لم يعد بإمكان {name} إحالة عملاء.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{name} cannot be restored: {reason}; nothing was changed.</source>
        <translation>تتعذّر استعادة {name}: {reason}؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{name} could not be restored ({reason}); the shop&apos;s file was not changed.</source>
        <translation>تعذّرت استعادة {name} ({reason})؛ لم يتغير ملف المتجر.</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>{name} does not hold store credit.</source>
        <translation>ليس لدى {name} رصيد في المتجر.</translation>
    </message>
    <message>
        <location filename="../../core/merging.py"/>
        <source>{name} has been erased or merged already and cannot be merged.</source>
        <translation>بيانات {name} محذوفة أو مدمجة من قبل، فلا يمكن دمجها.</translation>
    </message>
    <message>
        <location filename="../../core/customers.py"/>
        <source>{name} has been erased or merged and cannot be edited.</source>
        <translation>بيانات {name} محذوفة أو مدمجة، فلا يمكن تعديلها.</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>{name} has been erased or merged; messages cannot be sent.</source>
        <translation>تم حذف {name} أو دمجه؛ لا يمكن إرسال رسائل.</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>{name} has been erased or merged; nothing can be redeemed.</source>
        <translation>بيانات {name} محذوفة أو مدمجة؛ لا يمكن استبدال أي شيء.</translation>
    </message>
    <message>
        <location filename="../../core/shop.py"/>
        <source>{name} has been erased or merged; sales cannot be added.</source>
        <translation>بيانات {name} محذوفة أو مدمجة؛ لا يمكن إضافة مبيعات.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty.py"/>
        <source>{name} has been erased or merged; the balance cannot be changed.</source>
        <translation>بيانات {name} محذوفة أو مدمجة؛ لا يمكن تغيير الرصيد.</translation>
    </message>
    <message>
        <location filename="../../core/undo.py"/>
        <source>{name} has been erased; the redemption cannot be undone.</source>
        <translation>حُذفت بيانات {name}؛ لا يمكن إلغاء الاستبدال.</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>{name} has no PIN yet; the owner can set one.</source>
        <translation>ليس لدى {name} رمز سري بعد؛ يمكن للمالك تعيينه.</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>{name} has no phone number; add one to send a message.</source>
        <translation>ليس لدى {name} رقم هاتف؛ أضف رقماً لإرسال رسالة.</translation>
    </message>
    <message>
        <location filename="../../core/messages.py"/>
        <source>{name} has not agreed to receive messages; tick their marketing consent first if they agree.</source>
        <translation>لم يوافق {name} على تلقي الرسائل؛ فعّل موافقته التسويقية أولاً إن كان موافقاً.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty.py"/>
        <source>{name} has {balance}; taking away {quantity} would make the balance negative.</source>
        <translation>رصيد {name} هو {balance}؛ وخصم {quantity} سيجعل الرصيد سالبًا.</translation>
    </message>
    <message>
        <location filename="../../core/redeeming.py"/>
        <source>{name} has {balance}; {reward} needs {cost}, so {missing} more are needed.</source>
        <translation>رصيد {name} هو {balance}، والمطلوب للحصول على {reward} هو {cost}؛ الفرق: {missing}.</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>{name} is already inactive.</source>
        <translation>{name} غير فعّال بالفعل.</translation>
    </message>
    <message>
        <location filename="../../core/permissions.py"/>
        <location filename="../../core/pins.py"/>
        <location filename="../../core/shop_safety.py"/>
        <source>{name} is no longer active; sign in as someone else.</source>
        <translation>{name} لم يعد فعّالًا؛ سجّل الدخول باسم شخص آخر.</translation>
    </message>
    <message>
        <location filename="../../core/dates.py"/>
        <source>{name} is not a time zone name (for example Asia/Kuwait).</source>
        <translation>{name} ليس اسم منطقة زمنية (مثل Asia/Kuwait).</translation>
    </message>
    <message>
        <location filename="../../core/pins.py"/>
        <source>{name} is the shop&apos;s only owner and cannot be deactivated.</source>
        <translation>{name} هو المالك الوحيد للمتجر، ولا يمكن إيقاف حسابه.</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>{name} was merged into customer {id}; erase that customer instead.</source>
        <translation>دُمج {name} في العميل رقم {id}؛ احذف ذلك العميل بدلًا منه.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{name} was restored into {path}.</source>
        <translation>استُعيد الملف {name} إلى {path}.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{name} was restored into {path}; the file it replaced was kept as {aside}.</source>
        <translation>استُعيد الملف {name} إلى {path}؛ وحُفظ الملف الذي حلّ محله باسم {aside}.</translation>
    </message>
    <message>
        <location filename="../../cli.py"/>
        <source>{needed} more for {reward}</source>
        <translation>يتبقى {needed} للحصول على {reward}</translation>
    </message>
    <message>
        <location filename="../../core/bulk.py"/>
        <location filename="../../core/demo.py"/>
        <source>{path} already holds customers or sales; build the demo shop into a new file.</source>
        <translation>يحتوي {path} على عملاء أو مبيعات بالفعل؛ أنشئ المتجر التجريبي في ملف جديد.</translation>
    </message>
    <message>
        <location filename="../../core/backup.py"/>
        <location filename="../../core/db.py"/>
        <location filename="../../core/health.py"/>
        <source>{path} cannot be opened as a database: {reason}.</source>
        <translation>تعذّر فتح {path} كقاعدة بيانات: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/db.py"/>
        <location filename="../../core/health.py"/>
        <location filename="../../core/importing.py"/>
        <source>{path} cannot be read: {reason}.</source>
        <translation>تعذّرت قراءة {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <location filename="../../core/privacy.py"/>
        <source>{path} cannot be written: {reason}.</source>
        <translation>تعذّرت الكتابة في {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../core/privacy.py"/>
        <source>{path} exists and is not a file; choose another folder.</source>
        <translation>{path} موجود وليس ملفًا؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <source>{path} exists and is not a regular file; choose another file name.</source>
        <translation>{path} موجود وليس ملفًا عاديًا؛ اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>{path} has {count} problem(s):</source>
        <translation type="obsolete">المشكلات الموجودة في {path} (العدد: {count}):</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} holds no shop data yet.</source>
        <translation>لا يحتوي {path} على بيانات متجر بعد.</translation>
    </message>
    <message>
        <location filename="../../core/db.py"/>
        <location filename="../../core/health.py"/>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} مجلد، وليس ملف قاعدة بيانات.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>{path} is a folder; choose the CSV file inside it.</source>
        <translation>{path} مجلد؛ اختر ملف CSV الموجود بداخله.</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <source>{path} is a folder; give a file name such as customers.csv.</source>
        <translation>{path} مجلد؛ اكتب اسم ملف مثل customers.csv.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} is a shop&apos;s file; its data is checked in the background.</source>
        <translation>{path} ملف متجر؛ تُفحص بياناته في الخلفية.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} is damaged: {detail}</source>
        <translation>{path} تالف: {detail}</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} is empty: it holds no shop data.</source>
        <translation>{path} فارغ: لا يحتوي على بيانات متجر.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} is healthy: no problems found.</source>
        <translation>{path} سليم: لم يُعثر على أي مشكلة.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>{path} is larger than {limit} MB; split it into smaller files and import them one by one.</source>
        <translation>حجم {path} أكبر من {limit} ميغابايت؛ قسّمه إلى ملفات أصغر واستوردها واحدًا تلو الآخر.</translation>
    </message>
    <message>
        <location filename="../../core/db.py"/>
        <location filename="../../core/health.py"/>
        <source>{path} is not a smallbiz-loyalty database (or it is damaged).</source>
        <translation>{path} ليس قاعدة بيانات لبرنامج smallbiz-loyalty (أو أنه تالف).</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} is not a smallbiz-loyalty database (or it is damaged); nothing was changed.</source>
        <translation>{path} ليس قاعدة بيانات لبرنامج smallbiz-loyalty (أو أنه تالف)؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} is the shop&apos;s own file; choose a backup to restore.</source>
        <translation>{path} هو ملف المتجر نفسه؛ اختر نسخة احتياطية لاستعادتها.</translation>
    </message>
    <message>
        <location filename="../../core/exporting.py"/>
        <source>{path} is too long for a file name; choose a shorter name.</source>
        <translation>{path} أطول من أن يكون اسم ملف؛ اختر اسمًا أقصر.</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{path} was written by a newer version of smallbiz-loyalty; update the app.</source>
        <translation>كُتب {path} بإصدار أحدث من smallbiz-loyalty؛ حدّث البرنامج.</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <source>{percent}% off</source>
        <translation>خصم {percent}%</translation>
    </message>
    <message>
        <location filename="../../core/audiences.py"/>
        <source>{percent}% off, up to {cap}</source>
        <translation>خصم {percent}%، بحد أقصى {cap}</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>{programme}: {message}</source>
        <translation>{programme}: {message}</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>{quantity} could not be taken back: already spent.</source>
        <translation>تعذّر استرجاع {quantity} لأن الرصيد صُرف من قبل.</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>{quantity} was already spent; the balance is now {balance}.</source>
        <translation>سبق صرف {quantity}؛ الرصيد الآن {balance}.</translation>
    </message>
    <message>
        <location filename="../../reports/slip.py"/>
        <source>{quantity} will expire on {date}</source>
        <translation>تنتهي صلاحية {quantity} في {date}</translation>
    </message>
    <message>
        <location filename="../../core/health.py"/>
        <source>{reason} It cannot be restored; nothing was changed.</source>
        <translation>{reason} لا يمكن استعادة هذه النسخة؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../core/phones.py"/>
        <source>{region} is not a country code such as KW, SA, AE or GB.</source>
        <translation>{region} ليس رمز دولة مثل KW أو SA أو AE أو GB.</translation>
    </message>
    <message>
        <location filename="../../core/dashboard_data.py"/>
        <source>{sign}{points} pts</source>
        <translation>{sign}{points} نقطة</translation>
    </message>
    <message>
        <location filename="../../core/checks.py"/>
        <source>{table} row {row} points to a missing {parent} row.</source>
        <translation>الصف {row} في الجدول {table} يشير إلى صف غير موجود في الجدول {parent}.</translation>
    </message>
    <message>
        <location filename="../../core/settings.py"/>
        <location filename="../../core/templates.py"/>
        <source>“We miss you” note text</source>
        <translation>نص رسالة «اشتقنا إليك»</translation>
    </message>
    <message>
        <location filename="../../reports/monthly_text.py"/>
        <source>… and {count} more on the Customers screen.</source>
        <translation>… وغيرهم ({count}) في شاشة العملاء.</translation>
    </message>
    <message>
        <location filename="../../core/importing.py"/>
        <source>… and {count} more rows not imported.</source>
        <translation>… وصفوف أخرى لم تُستورد (العدد: {count}).</translation>
    </message>
    <message>
        <location filename="../../core/loyalty_text.py"/>
        <source>−{taken} — {balance}</source>
        <translation>−{taken} — {balance}</translation>
    </message>
</context>
</TS>
