using Tandem.Web.Features.Faq;

namespace Tandem.Web.Data;

/// <summary>The demo program's FAQ, in English and Simplified Chinese (Markdown answers).</summary>
internal static class DemoFaq
{
    public static IEnumerable<FaqEntry> For(int programId, int minimumMeetings, string donationRecipient)
    {
        (string Q, string A, string QZh, string AZh)[] entries =
        [
            ("Who can apply?",
             "Women working in or near Beijing (or remotely with us) can apply as **mentees** when they are in entry, junior or mid-management roles. Experienced professionals of any gender can apply as **mentors**. Mentees need a membership; mentors do not.",
             "谁可以申请？",
             "在北京及周边工作（或远程参与）的女性，如果处于入门、初级或中层管理岗位，可以申请成为**学员**。任何性别的资深专业人士都可以申请成为**导师**。学员需要会员资格，导师不需要。"),
            ("How does matching work?",
             "After applications close, the coordinators match the whole cohort at once. We look at your goals and the mentor's expertise, industry, languages, availability, meeting mode and a short personality questionnaire. Hard rules come first: a shared language, different employers, and the right track.\n\nYou may also rank mentors from the [published profiles](/Public/Mentors).",
             "配对是如何进行的？",
             "申请截止后，协调员会一次性为整期进行配对。我们会考虑您的目标与导师的专长、行业、语言、时间安排、会面方式以及一份简短的性格问卷。硬性条件优先：共同语言、不同雇主以及合适的项目方向。\n\n您也可以根据[公开的导师简介](/Public/Mentors)为导师排序。"),
            ("How often do we have to meet?",
             $"Each pair meets **at least {minimumMeetings} times** during the six months, online or in person. The mentee keeps up the contact: she proposes times and brings intentional questions to each meeting. We send a gentle reminder when a pair falls behind.",
             "我们需要多久见一次面？",
             $"每对在六个月内**至少会面 {minimumMeetings} 次**，线上或线下均可。由学员保持联系：她提出时间，并为每次会面准备有针对性的问题。如果进度落后，我们会发送温和的提醒。"),
            ("Is what we discuss private?",
             "Yes. Once a pair is published, the program does not interfere. Your notes, messages and meeting contents are private to the two of you. Coordinators only see engagement facts such as meeting dates, counts and ratings.",
             "我们讨论的内容是保密的吗？",
             "是的。配对公布后，项目不会干预。你们的笔记、消息和会面内容仅限你们两人知晓。协调员只能看到参与情况，例如会面日期、次数和评分。"),
            ("What does membership cost, and where does the money go?",
             $"A membership costs **CNY 500** a year (or CNY 800 as a supporting member). One membership gives one seat in one cohort. **All fees are donated** to {donationRecipient}; the total donated so far is shown on the [home page](/).",
             "会员费是多少？钱用在哪里？",
             $"会员费为每年 **500 元人民币**（支持会员为 800 元）。一份会员资格对应一期中的一个名额。**全部会费都捐赠给**{donationRecipient}；累计捐赠金额显示在[首页](/)上。"),
            ("Can I have a mentor of another gender, or mentor someone more senior?",
             "Yes. **Cross-gender** mentoring is an option you can choose on your application (same, cross or any). **Reverse mentoring**, where a junior colleague mentors a senior one on, say, technology or a new generation's view of work, is supported too: tick *open to reverse mentoring*.",
             "我可以选择异性导师，或者指导比我资深的人吗？",
             "可以。您可以在申请中选择**跨性别**辅导（同性、异性或不限）。我们也支持**反向辅导**，即由年轻同事在技术或新一代职场观念等方面指导资深同事：请勾选“愿意参与反向辅导”。"),
            ("What is the Advanced track?",
             "The Advanced track is for mentees in **mid-management** roles. They are paired only with **C-suite** mentors, who can speak to the step into senior leadership. Everyone in entry or junior roles joins the Standard track.",
             "什么是进阶方向？",
             "进阶方向面向处于**中层管理**岗位的学员。她们只会与 **C 级高管**导师配对，导师可以分享迈向高层领导的经验。处于入门或初级岗位的学员参加标准方向。"),
            ("How much time does it take?",
             "Plan on about **two to three hours a month**: a meeting of an hour or so, preparation, and now and then a webinar or a morning coffee with the other pairs. Mentors are encouraged (not required) to read our short guidance notes.",
             "需要投入多少时间？",
             "请预留**每月大约两到三小时**：一次一小时左右的会面、准备时间，以及不时参加网络研讨会或与其他配对的早间咖啡。我们鼓励（但不要求）导师阅读简短的指导资料。"),
            ("What happens at the end of the six months?",
             "Both of you give **feedback** (what happened, what helped) and **feedforward** (suggestions for the other's next steps). Then you join the alumni: many mentees come back as mentors.",
             "六个月结束后会怎样？",
             "你们双方都会给出**反馈**（发生了什么、什么有帮助）和**前馈**（对对方下一步的建议）。之后你们将成为校友：很多学员后来回来担任导师。"),
        ];
        return entries.Select((e, i) => new FaqEntry
        {
            ProgramId = programId, Position = i + 1, Question = e.Q, Answer = e.A, QuestionZh = e.QZh, AnswerZh = e.AZh,
        });
    }
}
