//! Subscriptions (SKUs), usage rights and default templates: the fixed
//! catalogue the simulated service knows about.

use serde::{Deserialize, Serialize};

/// The RMS for individuals pool: "Microsoft allocates 50,000 seats of
/// RIGHTSMANAGEMENT_ADHOC to your organization" (KB2925380).
pub const ADHOC_ACTIVE_UNITS: u32 = 50_000;

/// A subscription's SKU. Only the ones the scenarios use, each with the facts
/// the sign-up flow needs: its part number and whether it includes Azure RMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sku {
    /// RMS for individuals ("Rights Management Adhoc"), free, self-service.
    #[serde(rename = "adhoc")]
    RightsManagementAdhoc,
    /// Office 365 Enterprise E3: includes Azure Rights Management.
    #[serde(rename = "e3")]
    EnterprisePack,
    /// Azure Rights Management Premium (standalone): includes Azure RMS.
    #[serde(rename = "rms")]
    RightsManagement,
    /// Exchange Online (Plan 1): no Azure Rights Management.
    #[serde(rename = "exo")]
    ExchangeStandard,
}

impl Sku {
    pub fn part_number(self) -> &'static str {
        match self {
            Sku::RightsManagementAdhoc => "RIGHTSMANAGEMENT_ADHOC",
            Sku::EnterprisePack => "ENTERPRISEPACK",
            Sku::RightsManagement => "RIGHTSMANAGEMENT",
            Sku::ExchangeStandard => "EXCHANGESTANDARD",
        }
    }
    pub fn display_name(self) -> &'static str {
        match self {
            Sku::RightsManagementAdhoc => "Rights Management Adhoc (RMS for individuals)",
            Sku::EnterprisePack => "Office 365 Enterprise E3",
            Sku::RightsManagement => "Azure Rights Management Premium",
            Sku::ExchangeStandard => "Exchange Online (Plan 1)",
        }
    }
    /// A *paid* subscription that includes Azure RMS: finding one cancels the
    /// RMS for individuals sign-up (seed, step 3).
    pub fn is_paid_with_azure_rms(self) -> bool {
        matches!(self, Sku::EnterprisePack | Sku::RightsManagement)
    }
    /// Any subscription that gives Azure RMS, free or paid.
    pub fn includes_azure_rms(self) -> bool {
        self.is_paid_with_azure_rms() || self == Sku::RightsManagementAdhoc
    }
}

/// The 14 usage rights, by their policy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Right {
    View,
    Edit,
    DocEdit,
    Extract,
    Export,
    Print,
    Forward,
    Reply,
    ReplyAll,
    Owner,
    Comment,
    ViewRightsData,
    EditRightsData,
    ObjModel,
}

impl Right {
    /// Every right (what Full Control and generic protection grant).
    pub const ALL: [Right; 14] = [
        Right::View,
        Right::Edit,
        Right::DocEdit,
        Right::Extract,
        Right::Export,
        Right::Print,
        Right::Forward,
        Right::Reply,
        Right::ReplyAll,
        Right::Owner,
        Right::Comment,
        Right::ViewRightsData,
        Right::EditRightsData,
        Right::ObjModel,
    ];

    pub fn encoding(self) -> &'static str {
        match self {
            Right::View => "VIEW",
            Right::Edit => "EDIT",
            Right::DocEdit => "DOCEDIT",
            Right::Extract => "EXTRACT",
            Right::Export => "EXPORT",
            Right::Print => "PRINT",
            Right::Forward => "FORWARD",
            Right::Reply => "REPLY",
            Right::ReplyAll => "REPLYALL",
            Right::Owner => "OWNER",
            Right::Comment => "COMMENT",
            Right::ViewRightsData => "VIEWRIGHTSDATA",
            Right::EditRightsData => "EDITRIGHTSDATA",
            Right::ObjModel => "OBJMODEL",
        }
    }
    pub fn common_name(self) -> &'static str {
        match self {
            Right::View => "View, Open, Read",
            Right::Edit => "Save",
            Right::DocEdit => "Edit Content, Edit",
            Right::Extract => "Copy",
            Right::Export => "Save As, Export",
            Right::Print => "Print",
            Right::Forward => "Forward",
            Right::Reply => "Reply",
            Right::ReplyAll => "Reply All",
            Right::Owner => "Full Control",
            Right::Comment => "Comment",
            Right::ViewRightsData => "View Rights",
            Right::EditRightsData => "Change Rights",
            Right::ObjModel => "Allow Macros",
        }
    }
}

/// A rights policy template of a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub kind: TemplateKind,
}

/// Which template it is; its rights and description follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemplateKind {
    /// "<organization> - Confidential"
    Confidential,
    /// "<organization> - Confidential View Only"
    ConfidentialViewOnly,
}

impl Template {
    /// The 2016 rights of the default templates (facts file section 4).
    pub fn rights(&self) -> Vec<Right> {
        match self.kind {
            TemplateKind::Confidential => vec![
                Right::View,
                Right::Edit,
                Right::DocEdit,
                Right::ViewRightsData,
                Right::ObjModel,
                Right::Forward,
                Right::Reply,
                Right::ReplyAll,
            ],
            TemplateKind::ConfidentialViewOnly => vec![Right::View],
        }
    }
    pub fn description(&self) -> &'static str {
        match self.kind {
            TemplateKind::Confidential => {
                "This content is proprietary information intended for internal users only. This content can be modified but cannot be copied or printed."
            }
            TemplateKind::ConfidentialViewOnly => {
                "This content is proprietary information intended for internal users only. This content cannot be modified."
            }
        }
    }
}

/// The two default templates created with a tenant's Azure RMS subscription.
pub fn default_templates(organization: &str, ids: [String; 2]) -> Vec<Template> {
    let [a, b] = ids;
    vec![
        Template { id: a, name: format!("{organization} - Confidential"), kind: TemplateKind::Confidential },
        Template {
            id: b,
            name: format!("{organization} - Confidential View Only"),
            kind: TemplateKind::ConfidentialViewOnly,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paid_rms_skus_cancel_the_signup() {
        assert!(Sku::EnterprisePack.is_paid_with_azure_rms());
        assert!(Sku::RightsManagement.is_paid_with_azure_rms());
        assert!(!Sku::RightsManagementAdhoc.is_paid_with_azure_rms());
        assert!(!Sku::ExchangeStandard.is_paid_with_azure_rms());
        assert!(Sku::RightsManagementAdhoc.includes_azure_rms());
        assert!(!Sku::ExchangeStandard.includes_azure_rms());
        for s in [Sku::RightsManagementAdhoc, Sku::EnterprisePack, Sku::RightsManagement, Sku::ExchangeStandard] {
            assert!(!s.display_name().is_empty());
            assert!(s.part_number().chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        }
    }

    #[test]
    fn default_templates_have_the_2016_rights() {
        let t = default_templates("Contoso, Ltd", ["a".into(), "b".into()]);
        assert_eq!(t[0].name, "Contoso, Ltd - Confidential");
        assert_eq!(t[1].name, "Contoso, Ltd - Confidential View Only");
        assert_eq!(t[1].rights(), vec![Right::View]);
        assert!(t[0].description().contains("can be modified"));
        assert!(t[0].rights().contains(&Right::Forward) && !t[0].rights().contains(&Right::Print));
        let all = Right::ALL;
        let names: std::collections::BTreeSet<_> = all.iter().map(|r| r.encoding()).collect();
        assert_eq!(names.len(), 14);
        assert!(all.iter().all(|r| !r.common_name().is_empty()));
    }
}
