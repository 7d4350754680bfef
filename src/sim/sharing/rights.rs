//! Who may do what with a protected document: the sharing application's
//! permission levels, the policy a person chooses, and the grants a policy
//! holds.

use crate::sim::basics::catalog::Right;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The sharing application's permission levels (2016).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Permission {
    Viewer,
    Reviewer,
    CoAuthor,
    CoOwner,
}

impl Permission {
    pub const ALL: [Permission; 4] =
        [Permission::Viewer, Permission::Reviewer, Permission::CoAuthor, Permission::CoOwner];

    pub fn label(self) -> &'static str {
        match self {
            Permission::Viewer => "Viewer",
            Permission::Reviewer => "Reviewer",
            Permission::CoAuthor => "Co-Author",
            Permission::CoOwner => "Co-Owner",
        }
    }
    pub fn description(self) -> &'static str {
        match self {
            Permission::Viewer => "View Only",
            Permission::Reviewer => "View and Edit",
            Permission::CoAuthor => "View, Edit, Copy, and Print",
            Permission::CoOwner => "All Permissions",
        }
    }
    /// The level whose rights are exactly `rights`, if any.
    pub fn of_rights(rights: &[Right]) -> Option<Permission> {
        let mut sorted: Vec<Right> = Right::ALL.iter().copied().filter(|r| rights.contains(r)).collect();
        sorted.dedup();
        Permission::ALL.into_iter().find(|p| p.rights() == sorted)
    }
    /// The rights of each level (facts file §4), in the canonical order of
    /// `ALL_RIGHTS` (as a use license lists them).
    pub fn rights(self) -> Vec<Right> {
        use Right::*;
        let granted: &[Right] = match self {
            Permission::Viewer => &[View, Reply, ReplyAll],
            Permission::Reviewer => &[View, Edit, DocEdit, Reply, ReplyAll, Forward],
            Permission::CoAuthor => {
                &[View, Edit, DocEdit, Reply, ReplyAll, Forward, Extract, ViewRightsData, ObjModel, Export, Print]
            }
            Permission::CoOwner => &[
                View,
                Edit,
                DocEdit,
                Reply,
                ReplyAll,
                Forward,
                Extract,
                ViewRightsData,
                ObjModel,
                Export,
                Print,
                Owner,
            ],
        };
        Right::ALL.iter().copied().filter(|r| granted.contains(r)).collect()
    }
}

/// Which rights a document grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyChoice {
    /// Custom permissions: the USERS, at this level.
    Custom(Permission),
    /// One of the issuing tenant's templates, by ID: everyone in the organization.
    Template(String),
}

/// One user's rights in a publishing license. Stored as `[user, ["VIEW", …]]`,
/// the rights by their policy encoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant(pub String, #[serde(with = "encodings")] pub Vec<Right>);

/// A template in a publishing license: everyone in the key's organization,
/// with the template's rights. Stored as `[id, name, ["VIEW", …]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateGrant(pub String, pub String, #[serde(with = "encodings")] pub Vec<Right>);

/// Without the rights that let a reader change or save the document: a
/// shared Office file's read-only companion.
pub fn read_only(rights: &[Right]) -> Vec<Right> {
    rights.iter().copied().filter(|r| !matches!(r, Right::Edit | Right::DocEdit | Right::Export)).collect()
}

/// Rights as their policy encodings (`VIEW`, `EDIT`, …), read back in the
/// canonical order of `Right::ALL`; an encoding this version doesn't know is
/// left out.
mod encodings {
    use super::*;

    pub fn serialize<S: Serializer>(rights: &[Right], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(rights.iter().map(|r| r.encoding()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Right>, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        Ok(Right::ALL.iter().copied().filter(|r| names.iter().any(|n| n == r.encoding())).collect())
    }
}
