package org.learningmap.catalogue.editing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The activity form of the staff pages, bound field by field; texts are keyed by language ({@code title[lt]}). */
class ActivityForm {

    private String kind;
    private Map<String, String> title = new HashMap<>();
    private Map<String, String> summary = new HashMap<>();
    private Map<String, String> description = new HashMap<>();
    private Map<String, String> easyRead = new HashMap<>();
    private List<String> topics = new ArrayList<>();
    private List<String> digcomp = new ArrayList<>();
    private List<String> audiences = new ArrayList<>();
    private String minAge;
    private String maxAge;
    private List<String> languages = new ArrayList<>();
    private boolean paid;
    private String price;
    private boolean voucherEligible;
    private String onlineUrl;
    private String durationMinutes;
    private String level;

    static ActivityForm of(ActivityContent content) {
        ActivityForm form = new ActivityForm();
        form.kind = content.kind().name();
        form.title = new HashMap<>(content.title().values());
        form.summary = new HashMap<>(content.summary().values());
        form.description = new HashMap<>(content.description().values());
        form.easyRead = new HashMap<>(content.easyRead().values());
        form.topics = new ArrayList<>(content.topics());
        form.digcomp = new ArrayList<>(content.digcomp());
        form.audiences = new ArrayList<>(content.audiences().stream().map(Enum::name).toList());
        form.minAge = content.minAge() == null ? null : content.minAge().toString();
        form.maxAge = content.maxAge() == null ? null : content.maxAge().toString();
        form.languages = new ArrayList<>(content.languages());
        form.paid = content.priceCents() > 0;
        form.price = content.priceCents() > 0 ? BigDecimal.valueOf(content.priceCents(), 2).toPlainString() : null;
        form.voucherEligible = content.voucherEligible();
        form.onlineUrl = content.onlineUrl();
        form.durationMinutes = content.durationMinutes() == null ? null : content.durationMinutes().toString();
        form.level = content.level();
        return form;
    }

    ActivityInput toInput() {
        return new ActivityInput(kind, title, summary, description, easyRead, topics, digcomp, audiences, minAge, maxAge,
                languages, paid ? (price == null ? "" : price) : null, paid && voucherEligible, onlineUrl,
                durationMinutes, level);
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Map<String, String> getTitle() { return title; }
    public void setTitle(Map<String, String> title) { this.title = title; }
    public Map<String, String> getSummary() { return summary; }
    public void setSummary(Map<String, String> summary) { this.summary = summary; }
    public Map<String, String> getDescription() { return description; }
    public void setDescription(Map<String, String> description) { this.description = description; }
    public Map<String, String> getEasyRead() { return easyRead; }
    public void setEasyRead(Map<String, String> easyRead) { this.easyRead = easyRead; }
    public List<String> getTopics() { return topics; }
    public void setTopics(List<String> topics) { this.topics = topics; }
    public List<String> getDigcomp() { return digcomp; }
    public void setDigcomp(List<String> digcomp) { this.digcomp = digcomp; }
    public List<String> getAudiences() { return audiences; }
    public void setAudiences(List<String> audiences) { this.audiences = audiences; }
    public String getMinAge() { return minAge; }
    public void setMinAge(String minAge) { this.minAge = minAge; }
    public String getMaxAge() { return maxAge; }
    public void setMaxAge(String maxAge) { this.maxAge = maxAge; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
    public boolean isPaid() { return paid; }
    public void setPaid(boolean paid) { this.paid = paid; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public boolean isVoucherEligible() { return voucherEligible; }
    public void setVoucherEligible(boolean voucherEligible) { this.voucherEligible = voucherEligible; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
    public String getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(String durationMinutes) { this.durationMinutes = durationMinutes; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
}
